package com.webprometrics.query.team;

import com.webprometrics.platform.domain.DomainException;
import com.webprometrics.platform.security.CurrentUser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The team page and "who am I", scoped to the caller's agency. */
@RestController
class TeamQueryController {
    private final JdbcTemplate jdbc;

    TeamQueryController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Member(UUID userId, String email, String name, String role, String status, Instant createdAt,
                  Instant lastLoginAt) {
    }

    record PendingInvitation(UUID invitationId, String email, String role, Instant expiresAt, Instant createdAt) {
    }

    record Team(List<Member> items, List<PendingInvitation> invitations, long total) {
    }

    record Me(UUID userId, UUID agencyId, String agencyName, String timeZone, String email, String name,
              List<String> roles) {
    }

    @GetMapping("/api/team")
    Team team(CurrentUser user) {
        List<Member> members = jdbc.query("""
                SELECT user_id, email, name, role, status, created_at, last_login_at FROM query.users_view
                WHERE agency_id = ? ORDER BY status, lower(name)""",
                (rs, n) -> new Member(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()), user.agencyId());
        List<PendingInvitation> invitations = jdbc.query("""
                SELECT invitation_id, email, role, expires_at, created_at FROM query.invitations_view
                WHERE agency_id = ? AND status = 'pending' AND expires_at > now() ORDER BY created_at DESC""",
                (rs, n) -> new PendingInvitation(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant()), user.agencyId());
        return new Team(members, invitations, members.size());
    }

    @GetMapping("/api/auth/me")
    Me me(CurrentUser user) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT u.email, u.name, u.role, a.name AS agency_name, a.time_zone FROM query.users_view u
                JOIN query.agencies_view a ON a.agency_id = u.agency_id
                WHERE u.user_id = ? AND u.agency_id = ?""", user.userId(), user.agencyId());
        if (rows.isEmpty()) {
            throw DomainException.notFound("Your account");
        }
        Map<String, Object> row = rows.get(0);
        List<String> roles = new ArrayList<>(List.of((String) row.get("role")));
        user.roles().stream().filter(r -> !r.equals(row.get("role")) && r.equals("OPS")).forEach(roles::add);
        return new Me(user.userId(), user.agencyId(), (String) row.get("agency_name"), (String) row.get("time_zone"),
                (String) row.get("email"),
                (String) row.get("name"), roles);
    }
}
