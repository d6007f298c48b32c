package com.webprometrics.command.reports;

import com.webprometrics.command.billing.BillingStanding;
import com.webprometrics.command.infra.tables.CommandTables;
import com.webprometrics.command.infra.tables.EventFedTable;
import com.webprometrics.events.reports.ReportDeleted;
import com.webprometrics.events.reports.ReportDelivered;
import com.webprometrics.events.reports.ReportDeliveryFailed;
import com.webprometrics.events.reports.ReportDeliveryRequested;
import org.axonframework.config.ProcessingGroup;
import com.webprometrics.events.privacy.PersonalDataErased;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.Date;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code command.report_deliveries}: every requested delivery and where it stands, as its events say — pending from
 * the request, due again after a failed attempt ({@code nextAttemptAt}), failed when the last attempt gave up,
 * delivered, or cancelled with its report.
 */
@Component
@ProcessingGroup(CommandTables.GROUP)
class DeliveryQueue implements EventFedTable {
    private static final String UNTITLED = "Report";
    private final JdbcTemplate jdbc;

    DeliveryQueue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @param attempt the attempt this is (failed attempts so far + 1) */
    record Pending(UUID deliveryId, UUID reportId, UUID agencyId, String title, String format, List<String> recipients,
                   LocalDate asOf, int attempt) {
    }

    @Override
    public List<String> tables() {
        return List.of("command.report_deliveries");
    }

    /**
     * The delivery due longest at {@code now} that no other transaction holds, locked until the caller's transaction
     * ends: one worker at a time sends it, and one whose worker died is taken again.
     */
    Optional<Pending> claimNext(Instant now) {
        return jdbc.query("""
                SELECT delivery_id, report_id, agency_id, title, format, recipients, as_of, attempts
                FROM command.report_deliveries WHERE status = 'pending' AND next_attempt_at <= ?
                AND %s
                ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED"""
                        .formatted(BillingStanding.inGoodStanding("command.report_deliveries.agency_id")),
                (rs, n) -> new Pending(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), strings(rs.getArray(6)),
                        rs.getDate(7).toLocalDate(), rs.getInt(8) + 1),
                java.sql.Timestamp.from(now)).stream().findFirst();
    }

    @EventHandler
    void on(ReportDeliveryRequested e, @Timestamp Instant time) {
        Instant at = EventFedTable.stored(time);
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    INSERT INTO command.report_deliveries (delivery_id, report_id, agency_id, title, format, recipients,
                        as_of, next_attempt_at, client_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""");
            statement.setObject(1, e.deliveryId());
            statement.setObject(2, e.reportId());
            statement.setObject(3, e.agencyId());
            statement.setString(4, e.title() == null ? UNTITLED : e.title());
            statement.setString(5, e.format());
            statement.setArray(6, connection.createArrayOf("text", e.recipients().toArray()));
            statement.setDate(7, Date.valueOf(e.asOf()));
            statement.setTimestamp(8, java.sql.Timestamp.from(at));
            statement.setObject(9, e.clientId());
            return statement;
        });
    }

    @EventHandler
    void on(ReportDeliveryFailed e) {
        if (e.nextAttemptAt() == null) {
            jdbc.update("UPDATE command.report_deliveries SET status = 'failed', attempts = ? WHERE delivery_id = ?",
                    e.attempt(), e.deliveryId());
        } else {
            jdbc.update("UPDATE command.report_deliveries SET attempts = ?, next_attempt_at = ? WHERE delivery_id = ?",
                    e.attempt(), java.sql.Timestamp.from(e.nextAttemptAt()), e.deliveryId());
        }
    }

    @EventHandler
    void on(ReportDelivered e) {
        jdbc.update("UPDATE command.report_deliveries SET status = 'delivered', attempts = ? WHERE delivery_id = ?",
                e.attempt(), e.deliveryId());
    }

    @EventHandler
    void on(ReportDeleted e) {
        jdbc.update("UPDATE command.report_deliveries SET status = 'cancelled' WHERE report_id = ? AND status = 'pending'",
                e.reportId());
    }

    /** Deliveries waiting for an erased client contact's addresses go nowhere. */
    @EventHandler
    void on(PersonalDataErased e) {
        if (e.subjectType().equals("client-contact")) {
            jdbc.update("UPDATE command.report_deliveries SET status = 'cancelled' WHERE client_id = ? AND status = 'pending'",
                    e.subjectId());
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
