package com.webprometrics.command.reports;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@Repository
class JdbcReportSchedules implements ReportSchedules {
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int hour;

    JdbcReportSchedules(JdbcTemplate jdbc, Clock clock, ReportProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.hour = properties.deliveryHour();
    }

    @Override
    public void put(UUID reportId, UUID agencyId, String frequency, String timeZone) {
        Instant first = DeliveryCalendar.next(frequency, timeZone, hour, clock.instant());
        jdbc.update("""
                INSERT INTO command.report_schedule (report_id, agency_id, frequency, time_zone, next_run_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (report_id) DO UPDATE SET frequency = excluded.frequency, time_zone = excluded.time_zone,
                    next_run_at = excluded.next_run_at""",
                reportId, agencyId, frequency, timeZone, Timestamp.from(first));
    }

    @Override
    public void remove(UUID reportId) {
        jdbc.update("DELETE FROM command.report_schedule WHERE report_id = ?", reportId);
    }

    @Override
    public Optional<Due> claimNextDue(Instant now) {
        Optional<Due> due = jdbc.query("""
                SELECT report_id, agency_id, frequency, time_zone, next_run_at FROM command.report_schedule
                WHERE next_run_at <= ? ORDER BY next_run_at LIMIT 1 FOR UPDATE SKIP LOCKED""",
                (rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant()),
                Timestamp.from(now)).stream().findFirst();
        due.ifPresent(d -> jdbc.update("UPDATE command.report_schedule SET next_run_at = ? WHERE report_id = ?",
                Timestamp.from(DeliveryCalendar.next(d.frequency(), d.timeZone(), hour, now)), d.reportId()));
        return due;
    }
}
