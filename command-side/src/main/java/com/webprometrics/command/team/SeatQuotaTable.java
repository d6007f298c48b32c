package com.webprometrics.command.team;

import com.webprometrics.command.infra.tables.CommandTables;
import com.webprometrics.command.infra.tables.EventFedTable;
import com.webprometrics.events.auth.UserRegistered;
import com.webprometrics.events.billing.PlanChanged;
import com.webprometrics.events.billing.TrialStarted;
import com.webprometrics.events.team.UserDeactivated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * {@code command.seat_quota}: per agency its plan's seat limit and how many members are active. Kept like
 * {@code client_quota}: the check reads without a lock, and the count's {@code UPDATE} only counts while there is a
 * seat, so of racing acceptances those past the limit roll back. An agency without a row (signed up before
 * subscriptions) has no limit.
 */
@Component
@ProcessingGroup(CommandTables.GROUP)
class SeatQuotaTable implements SeatQuota, EventFedTable {
    private final JdbcTemplate jdbc;

    SeatQuotaTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> tables() {
        return List.of("command.seat_quota");
    }

    @Override
    public void requireRoom(UUID agencyId) {
        List<Boolean> room = jdbc.queryForList("SELECT active_seats < seat_limit FROM command.seat_quota "
                + "WHERE agency_id = ?", Boolean.class, agencyId);
        if (!room.isEmpty() && !room.get(0)) {
            throw TeamRejection.SEAT_LIMIT_REACHED.get();
        }
    }

    /**
     * The members already active count: none at sign-up (the owner registers after the trial starts), all of them for
     * an agency from before subscriptions whose trial started later ({@code LegacyTrials}). {@code user_accounts} is
     * kept from the same events in the same order, in a rebuild too.
     */
    @Override
    public boolean fits(UUID agencyId, int limit) {
        List<Boolean> fit = jdbc.queryForList("SELECT active_seats <= ? FROM command.seat_quota WHERE agency_id = ?",
                Boolean.class, limit, agencyId);
        return fit.isEmpty() || fit.get(0);
    }

    @EventHandler
    void on(TrialStarted event) {
        jdbc.update("""
                INSERT INTO command.seat_quota (agency_id, seat_limit, active_seats)
                SELECT ?, ?, count(*) FROM command.user_accounts WHERE agency_id = ? AND active""",
                event.agencyId(), event.seatLimit(), event.agencyId());
    }

    /** A plan with fewer seats than the agency's active members is refused. */
    @EventHandler
    void on(PlanChanged event) {
        int changed = jdbc.update("UPDATE command.seat_quota SET seat_limit = ? WHERE agency_id = ? "
                + "AND active_seats <= ?", event.seatLimit(), event.agencyId(), event.seatLimit());
        if (changed == 0) {
            throw TeamRejection.TOO_MANY_FOR_PLAN.get();
        }
    }

    @EventHandler
    void on(UserRegistered event) {
        int counted = jdbc.update("UPDATE command.seat_quota SET active_seats = active_seats + 1 "
                + "WHERE agency_id = ? AND active_seats < seat_limit", event.agencyId());
        if (counted == 0 && limited(event.agencyId())) {
            throw TeamRejection.SEAT_LIMIT_REACHED.get();
        }
    }

    @EventHandler
    void on(UserDeactivated event) {
        jdbc.update("UPDATE command.seat_quota SET active_seats = active_seats - 1 WHERE agency_id = ?",
                event.agencyId());
    }

    private boolean limited(UUID agencyId) {
        return !jdbc.queryForList("SELECT 1 FROM command.seat_quota WHERE agency_id = ?", Integer.class, agencyId)
                .isEmpty();
    }
}
