package com.webprometrics.query.reports;

import com.webprometrics.query.privacy.Erasures;
import com.webprometrics.events.privacy.PersonalDataErased;
import com.webprometrics.events.reports.ReportChanged;
import com.webprometrics.events.reports.ReportCreated;
import com.webprometrics.events.reports.ReportDeleted;
import com.webprometrics.events.reports.ReportDelivered;
import com.webprometrics.events.reports.ReportDeliveryFailed;
import com.webprometrics.events.reports.ReportDeliveryRequested;
import com.webprometrics.events.reports.ReportScheduleCancelled;
import com.webprometrics.events.reports.ReportScheduled;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code query.reports_view} and {@code query.report_deliveries_view}. Idempotent: each row remembers the global
 * event position it reflects and ignores anything at or before it, so a replay or a redelivered batch changes
 * nothing.
 */
@Component
@ProcessingGroup("reports")
class ReportProjection {
    private final JdbcTemplate jdbc;

    ReportProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ReportCreated e, TrackingToken token, @Timestamp Instant at, @MetaDataValue("userId") String userId) {
        jdbc.update(c -> statement(c, """
                INSERT INTO query.reports_view (report_id, agency_id, client_id, title, metrics, from_date, to_date,
                    range_key, time_zone, created_at, created_by, updated_at, position)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (report_id) DO NOTHING""",
                e.reportId(), e.agencyId(), e.clientId(), e.title(), array(c, e.metrics()), date(e.from()),
                date(e.to()), e.range(), e.timeZone() == null ? "UTC" : e.timeZone(), ts(at), uuid(userId), ts(at),
                position(token)));
    }

    @EventHandler
    void on(ReportChanged e, TrackingToken token, @Timestamp Instant at) {
        jdbc.update(c -> statement(c, """
                UPDATE query.reports_view SET title = ?, metrics = ?, from_date = ?, to_date = ?, range_key = ?,
                    updated_at = ?, position = ?
                WHERE report_id = ? AND position < ?""",
                e.title(), array(c, e.metrics()), date(e.from()), date(e.to()), e.range(), ts(at), position(token),
                e.reportId(), position(token)));
    }

    @EventHandler
    void on(ReportScheduled e, TrackingToken token, @Timestamp Instant at) {
        jdbc.update(c -> statement(c, """
                UPDATE query.reports_view SET schedule_frequency = ?, schedule_format = ?, schedule_recipients = ?,
                    updated_at = ?, position = ?
                WHERE report_id = ? AND position < ?""",
                e.frequency(), e.format(), array(c, e.recipients()), ts(at), position(token), e.reportId(),
                position(token)));
    }

    @EventHandler
    void on(ReportScheduleCancelled e, TrackingToken token, @Timestamp Instant at) {
        jdbc.update("""
                UPDATE query.reports_view SET schedule_frequency = NULL, schedule_format = NULL,
                    schedule_recipients = NULL, updated_at = ?, position = ?
                WHERE report_id = ? AND position < ?""",
                ts(at), position(token), e.reportId(), position(token));
    }

    @EventHandler
    void on(ReportDeleted e, TrackingToken token, @Timestamp Instant at) {
        jdbc.update("""
                UPDATE query.reports_view SET deleted_at = ?, schedule_frequency = NULL, schedule_format = NULL,
                    schedule_recipients = NULL, updated_at = ?, position = ?
                WHERE report_id = ? AND position < ?""",
                ts(at), ts(at), position(token), e.reportId(), position(token));
        jdbc.update("""
                UPDATE query.report_deliveries_view SET status = 'cancelled', next_attempt_at = NULL, position = ?
                WHERE report_id = ? AND status IN ('requested', 'retrying') AND position < ?""",
                position(token), e.reportId(), position(token));
    }

    @EventHandler
    void on(ReportDeliveryRequested e, TrackingToken token, @Timestamp Instant at,
            @MetaDataValue("userId") String userId) {
        jdbc.update(c -> statement(c, """
                INSERT INTO query.report_deliveries_view (delivery_id, report_id, agency_id, client_id, trigger, format,
                    recipients, as_of, status, requested_at, requested_by, position)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'requested', ?, ?, ?) ON CONFLICT (delivery_id) DO NOTHING""",
                e.deliveryId(), e.reportId(), e.agencyId(), e.clientId(), e.trigger(), e.format(),
                array(c, e.recipients()), date(e.asOf()), ts(at), uuid(userId), position(token)));
    }

    @EventHandler
    void on(ReportDelivered e, TrackingToken token) {
        jdbc.update("""
                UPDATE query.report_deliveries_view SET status = 'delivered', attempts = greatest(attempts, ?),
                    delivered_at = ?, range_from = ?, range_to = ?, file_name = ?, sha256 = ?, size_bytes = ?,
                    data_position = ?, next_attempt_at = NULL, position = ?
                WHERE delivery_id = ? AND position < ?""",
                e.attempt(), ts(e.deliveredAt()), date(e.from()), date(e.to()), e.fileName(), e.sha256(),
                e.sizeBytes(), e.dataPosition(), position(token), e.deliveryId(), position(token));
        jdbc.update("""
                UPDATE query.reports_view SET last_delivered_at = greatest(last_delivered_at, ?), position = ?
                WHERE report_id = ? AND position < ?""",
                ts(e.deliveredAt()), position(token), e.reportId(), position(token));
    }

    @EventHandler
    void on(ReportDeliveryFailed e, TrackingToken token) {
        jdbc.update("""
                UPDATE query.report_deliveries_view SET status = ?, attempts = greatest(attempts, ?), last_reason = ?,
                    last_error = ?, next_attempt_at = ?, position = ?
                WHERE delivery_id = ? AND position < ?""",
                e.nextAttemptAt() == null ? "failed" : "retrying", e.attempt(), e.reason(), e.message(),
                e.nextAttemptAt() == null ? null : ts(e.nextAttemptAt()), position(token), e.deliveryId(),
                position(token));
    }

    @EventHandler
    void on(PersonalDataErased e) {
        for (java.util.UUID client : Erasures.ids(e, "client-contact")) {
            jdbc.update("UPDATE query.reports_view SET schedule_recipients = array_fill(?::text, "
                    + "ARRAY[cardinality(schedule_recipients)]) WHERE client_id = ? AND schedule_recipients IS NOT NULL",
                    Erasures.ERASED, client);
            jdbc.update("UPDATE query.report_deliveries_view SET recipients = array_fill(?::text, "
                    + "ARRAY[cardinality(recipients)]) WHERE client_id = ?", Erasures.ERASED, client);
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE query.reports_view, query.report_deliveries_view");
    }

    private static PreparedStatement statement(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
        return statement;
    }

    private static java.sql.Array array(Connection c, List<String> values) throws SQLException {
        return c.createArrayOf("text", values == null ? new Object[0] : values.toArray());
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    private static java.sql.Timestamp ts(Instant at) {
        return java.sql.Timestamp.from(at);
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static long position(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("no position in " + token));
    }
}
