package com.webprometrics.command.reports;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@Repository
class JdbcReportFiles implements ReportFiles {
    private final JdbcTemplate jdbc;

    JdbcReportFiles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void store(UUID deliveryId, UUID reportId, UUID agencyId, RenderedFile file, String sha256,
                      Instant deliveredAt) {
        jdbc.update("""
                INSERT INTO command.report_files (delivery_id, report_id, agency_id, file_name, content_type, content,
                    sha256, size_bytes, data_position, range_from, range_to, delivered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                deliveryId, reportId, agencyId, file.fileName(), file.contentType(), file.content(), sha256,
                file.content().length, file.dataPosition(), file.from() == null ? null : Date.valueOf(file.from()),
                file.to() == null ? null : Date.valueOf(file.to()), Timestamp.from(deliveredAt));
    }

    @Override
    public Optional<StoredFile> find(UUID agencyId, UUID reportId, UUID deliveryId) {
        return jdbc.query("""
                SELECT file_name, content_type, content, sha256, data_position, delivered_at FROM command.report_files
                WHERE agency_id = ? AND report_id = ? AND delivery_id = ?""",
                (rs, n) -> new StoredFile(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getString(4),
                        rs.getLong(5), rs.getTimestamp(6).toInstant()),
                agencyId, reportId, deliveryId).stream().findFirst();
    }
}
