package com.webprometrics.command.reports;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

@Repository
class JdbcDeliveryQueue implements DeliveryQueue {
    private final JdbcTemplate jdbc;

    JdbcDeliveryQueue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void enqueue(Pending d) {
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    INSERT INTO command.report_delivery_queue (delivery_id, report_id, agency_id, title, format,
                        recipients, as_of) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (delivery_id) DO NOTHING""");
            statement.setObject(1, d.deliveryId());
            statement.setObject(2, d.reportId());
            statement.setObject(3, d.agencyId());
            statement.setString(4, d.title());
            statement.setString(5, d.format());
            statement.setArray(6, connection.createArrayOf("text", d.recipients().toArray()));
            statement.setDate(7, Date.valueOf(d.asOf()));
            return statement;
        });
    }

    @Override
    public void delivered(UUID deliveryId) {
        jdbc.update("UPDATE command.report_delivery_queue SET status = 'delivered' WHERE delivery_id = ?", deliveryId);
    }

    @Override
    public void failed(UUID deliveryId, Instant nextAttemptAt) {
        if (nextAttemptAt == null) {
            jdbc.update("UPDATE command.report_delivery_queue SET status = 'failed' WHERE delivery_id = ?", deliveryId);
        } else {
            jdbc.update("UPDATE command.report_delivery_queue SET next_attempt_at = ? WHERE delivery_id = ?",
                    Timestamp.from(nextAttemptAt), deliveryId);
        }
    }

    @Override
    public void cancelFor(UUID reportId) {
        jdbc.update("UPDATE command.report_delivery_queue SET status = 'cancelled' WHERE report_id = ? AND status = 'pending'",
                reportId);
    }

    @Override
    public List<Claimed> claim(Instant now, Instant leaseUntil, int limit) {
        return jdbc.query("""
                UPDATE command.report_delivery_queue SET attempts = attempts + 1, next_attempt_at = ?
                WHERE delivery_id IN (
                    SELECT delivery_id FROM command.report_delivery_queue
                    WHERE status = 'pending' AND next_attempt_at <= ?
                    ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING delivery_id, report_id, agency_id, title, format, recipients, as_of, attempts""",
                (rs, n) -> new Claimed(new Pending(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), strings(rs.getArray(6)),
                        rs.getDate(7).toLocalDate()), rs.getInt(8)),
                Timestamp.from(leaseUntil), Timestamp.from(now), limit);
    }

    private static List<String> strings(Array array) throws java.sql.SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
