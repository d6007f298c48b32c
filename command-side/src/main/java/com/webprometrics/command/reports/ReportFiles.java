package com.webprometrics.command.reports;

import com.webprometrics.command.infra.tables.CommandTables;
import com.webprometrics.command.infra.tables.EventFedTable;
import com.webprometrics.events.reports.ReportDelivered;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Every delivered file, byte for byte. The bytes are kept by their SHA-256 in {@code command.report_file_contents}
 * by the worker that sent them (no event carries a file); the index of which delivery sent which file,
 * {@code command.report_files}, follows from {@code ReportDelivered}. Files stay when their report is deleted: they
 * are the record of what was sent.
 */
@Component
@ProcessingGroup(CommandTables.GROUP)
class ReportFiles implements EventFedTable {
    private final JdbcTemplate jdbc;

    ReportFiles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record StoredFile(String fileName, String contentType, byte[] content, String sha256, long dataPosition,
                      Instant deliveredAt) {
    }

    @Override
    public List<String> tables() {
        return List.of("command.report_files");
    }

    /** Keeps the bytes before the delivery is recorded, in the same transaction. */
    void keep(RenderedFile file) {
        jdbc.update("INSERT INTO command.report_file_contents (sha256, content) VALUES (?, ?) ON CONFLICT DO NOTHING",
                file.sha256(), file.content());
    }

    /** Only the agency's own files. */
    Optional<StoredFile> find(UUID agencyId, UUID reportId, UUID deliveryId) {
        return jdbc.query("""
                SELECT f.file_name, f.content_type, c.content, f.sha256, f.data_position, f.delivered_at
                FROM command.report_files f JOIN command.report_file_contents c ON c.sha256 = f.sha256
                WHERE f.agency_id = ? AND f.report_id = ? AND f.delivery_id = ?""",
                (rs, n) -> new StoredFile(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getString(4),
                        rs.getLong(5), rs.getTimestamp(6).toInstant()),
                agencyId, reportId, deliveryId).stream().findFirst();
    }

    @EventHandler
    void on(ReportDelivered e) {
        jdbc.update("""
                INSERT INTO command.report_files (delivery_id, report_id, agency_id, file_name, content_type, sha256,
                    size_bytes, data_position, range_from, range_to, delivered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                e.deliveryId(), e.reportId(), e.agencyId(), e.fileName(), contentType(e.format()), e.sha256(),
                e.sizeBytes(), e.dataPosition(), e.from() == null ? null : Date.valueOf(e.from()),
                e.to() == null ? null : Date.valueOf(e.to()), Timestamp.from(e.deliveredAt()));
    }

    /** What the query side answers for each export format. */
    static String contentType(String format) {
        return "pdf".equals(format) ? "application/pdf" : "text/csv;charset=UTF-8";
    }
}
