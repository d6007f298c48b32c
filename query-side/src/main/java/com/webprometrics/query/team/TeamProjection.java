package com.webprometrics.query.team;

import com.webprometrics.query.privacy.Erasures;
import com.webprometrics.events.privacy.PersonalDataErased;
import com.webprometrics.events.auth.AgencyRegistered;
import com.webprometrics.events.auth.LoginSucceeded;
import com.webprometrics.events.auth.UserRegistered;
import com.webprometrics.events.team.InvitationAccepted;
import com.webprometrics.events.team.InvitationIssued;
import com.webprometrics.events.team.UserDeactivated;
import com.webprometrics.events.team.UserRoleChanged;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import com.webprometrics.query.infra.BatchedWrites;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Agencies, their users and pending invitations. Every write is an idempotent upsert or set. */
@Component
@ProcessingGroup("team")
class TeamProjection {
    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;

    TeamProjection(JdbcTemplate jdbc, BatchedWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventHandler
    void on(AgencyRegistered e, @Timestamp Instant at) {
        writes.update("""
                INSERT INTO query.agencies_view (agency_id, name, time_zone, created_at)
                VALUES (?, ?, ?, ?) ON CONFLICT (agency_id) DO NOTHING""",
                e.agencyId(), e.name(), e.timeZone() == null ? "UTC" : e.timeZone(), ts(at));
    }

    @EventHandler
    void on(UserRegistered e, @Timestamp Instant at) {
        writes.update("""
                INSERT INTO query.users_view (user_id, agency_id, email, name, role, status, created_at)
                VALUES (?, ?, ?, ?, ?, 'active', ?) ON CONFLICT (user_id) DO NOTHING""",
                e.userId(), e.agencyId(), e.email(), e.name(), e.role(), ts(at));
    }

    @EventHandler
    void on(LoginSucceeded e, @Timestamp Instant at) {
        writes.update("UPDATE query.users_view SET last_login_at = greatest(coalesce(last_login_at, ?), ?) WHERE user_id = ?",
                ts(at), ts(at), e.userId());
    }

    @EventHandler
    void on(UserRoleChanged e) {
        writes.update("UPDATE query.users_view SET role = ? WHERE user_id = ?", e.role(), e.userId());
    }

    @EventHandler
    void on(UserDeactivated e) {
        writes.update("UPDATE query.users_view SET status = 'deactivated' WHERE user_id = ?", e.userId());
    }

    @EventHandler
    void on(InvitationIssued e, @Timestamp Instant at) {
        writes.update("""
                INSERT INTO query.invitations_view (invitation_id, agency_id, email, role, status, invited_by, expires_at, created_at)
                VALUES (?, ?, ?, ?, 'pending', ?, ?, ?) ON CONFLICT (invitation_id) DO NOTHING""",
                e.invitationId(), e.agencyId(), e.email(), e.role(), e.invitedBy(), ts(e.expiresAt()), ts(at));
    }

    @EventHandler
    void on(InvitationAccepted e) {
        writes.update("UPDATE query.invitations_view SET status = 'accepted' WHERE invitation_id = ?", e.invitationId());
    }

    @EventHandler
    void on(PersonalDataErased e) {
        for (java.util.UUID user : Erasures.ids(e, "user")) {
            writes.update("UPDATE query.users_view SET name = ?, email = ? WHERE user_id = ?", Erasures.ERASED,
                    Erasures.ERASED, user);
        }
        for (java.util.UUID invitation : Erasures.ids(e, "invitation")) {
            writes.update("UPDATE query.invitations_view SET email = ? WHERE invitation_id = ?", Erasures.ERASED, invitation);
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE query.agencies_view, query.users_view, query.invitations_view");
    }

    private static java.sql.Timestamp ts(Instant instant) {
        return java.sql.Timestamp.from(instant);
    }
}
