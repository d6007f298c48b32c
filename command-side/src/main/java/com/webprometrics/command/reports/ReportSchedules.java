package com.webprometrics.command.reports;

import com.webprometrics.command.billing.BillingStanding;
import com.webprometrics.command.infra.tables.CommandTables;
import com.webprometrics.command.infra.tables.EventFedTable;
import com.webprometrics.events.reports.ReportDeleted;
import com.webprometrics.events.reports.ReportDeliveryRequested;
import com.webprometrics.events.reports.ReportScheduleCancelled;
import com.webprometrics.events.reports.ReportScheduled;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code command.report_schedule}: each scheduled report and when it is next due — the first Monday / 1st at the
 * delivery hour of the agency's day after it was scheduled, and after each scheduled delivery requested.
 */
@Component
@ProcessingGroup(CommandTables.GROUP)
class ReportSchedules implements EventFedTable {
    private final JdbcTemplate jdbc;
    private final int hour;

    ReportSchedules(JdbcTemplate jdbc, ReportProperties properties) {
        this.jdbc = jdbc;
        this.hour = properties.deliveryHour();
    }

    record Due(UUID reportId, UUID agencyId, String frequency, String timeZone, Instant dueAt) {
    }

    @Override
    public List<String> tables() {
        return List.of("command.report_schedule");
    }

    /**
     * The earliest report due at {@code now} that no other transaction holds, locked until the caller's transaction
     * ends; requesting its delivery moves it to its next occurrence.
     */
    Optional<Due> claimNextDue(Instant now) {
        return jdbc.query("""
                SELECT report_id, agency_id, frequency, time_zone, next_run_at FROM command.report_schedule
                WHERE next_run_at <= ? AND %s
                ORDER BY next_run_at LIMIT 1 FOR UPDATE SKIP LOCKED"""
                        .formatted(BillingStanding.inGoodStanding("command.report_schedule.agency_id")),
                (rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant()),
                java.sql.Timestamp.from(now)).stream().findFirst();
    }

    @EventHandler
    void on(ReportScheduled e, @Timestamp Instant time) {
        Instant at = EventFedTable.stored(time);
        jdbc.update("""
                INSERT INTO command.report_schedule (report_id, agency_id, frequency, time_zone, next_run_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (report_id) DO UPDATE SET frequency = excluded.frequency, time_zone = excluded.time_zone,
                    next_run_at = excluded.next_run_at""",
                e.reportId(), e.agencyId(), e.frequency(), e.timeZone(),
                java.sql.Timestamp.from(DeliveryCalendar.next(e.frequency(), e.timeZone(), hour, at)));
    }

    /** A scheduled request moves the report past the occurrence it was for (its day is the request's asOf). */
    @EventHandler
    void on(ReportDeliveryRequested e, @Timestamp Instant time) {
        Instant at = EventFedTable.stored(time);
        if ("schedule".equals(e.trigger())) {
            nextAfter(e.reportId(), at, e.asOf()).ifPresent(next -> jdbc.update(
                    "UPDATE command.report_schedule SET next_run_at = ? WHERE report_id = ?", java.sql.Timestamp.from(next),
                    e.reportId()));
        }
    }

    @EventHandler
    void on(ReportScheduleCancelled e) {
        remove(e.reportId());
    }

    @EventHandler
    void on(ReportDeleted e) {
        remove(e.reportId());
    }

    private Optional<Instant> nextAfter(UUID reportId, Instant at, LocalDate occurrence) {
        return jdbc.query("SELECT frequency, time_zone FROM command.report_schedule WHERE report_id = ?", (rs, n) -> {
            Instant occurred = occurrence.atTime(hour, 0).atZone(DeliveryCalendar.zone(rs.getString(2))).toInstant();
            return DeliveryCalendar.next(rs.getString(1), rs.getString(2), hour, occurred.isAfter(at) ? occurred : at);
        }, reportId).stream().findFirst();
    }

    private void remove(UUID reportId) {
        jdbc.update("DELETE FROM command.report_schedule WHERE report_id = ?", reportId);
    }
}
