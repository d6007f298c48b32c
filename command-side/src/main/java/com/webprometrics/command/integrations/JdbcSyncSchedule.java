package com.webprometrics.command.integrations;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Repository
class JdbcSyncSchedule implements SyncSchedule {
    private final JdbcTemplate jdbc;

    JdbcSyncSchedule(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(UUID integrationId, UUID agencyId, Instant firstDue) {
        jdbc.update("""
                INSERT INTO command.integration_schedule (integration_id, agency_id, next_sync_at) VALUES (?, ?, ?)
                ON CONFLICT (integration_id) DO NOTHING""", integrationId, agencyId, Timestamp.from(firstDue));
    }

    @Override
    public void remove(UUID integrationId) {
        jdbc.update("DELETE FROM command.integration_schedule WHERE integration_id = ?", integrationId);
    }

    @Override
    public void setNextDue(UUID integrationId, Instant nextDue) {
        jdbc.update("UPDATE command.integration_schedule SET next_sync_at = ? WHERE integration_id = ?",
                Timestamp.from(nextDue), integrationId);
    }

    @Override
    public List<Due> claimDue(Instant now, Instant leaseUntil, int limit) {
        return jdbc.query("""
                UPDATE command.integration_schedule SET next_sync_at = ?
                WHERE integration_id IN (
                    SELECT integration_id FROM command.integration_schedule WHERE next_sync_at <= ?
                    ORDER BY next_sync_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING integration_id, agency_id""",
                (rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)),
                Timestamp.from(leaseUntil), Timestamp.from(now), limit);
    }
}
