package com.webprometrics.command.clients;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.UUID;

/** A row per agency; the conditional UPDATE row-locks it, so racing creates serialize on the limit. */
@Repository
class JdbcClientQuota implements ClientQuota {
    private final JdbcTemplate jdbc;

    JdbcClientQuota(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void open(UUID agencyId, int clientLimit) {
        jdbc.update("INSERT INTO command.client_quota (agency_id, client_limit) VALUES (?, ?) ON CONFLICT DO NOTHING",
                agencyId, clientLimit);
    }

    @Override
    public void reserve(UUID agencyId) {
        int updated = jdbc.update("UPDATE command.client_quota SET active_clients = active_clients + 1 "
                + "WHERE agency_id = ? AND active_clients < client_limit", agencyId);
        if (updated == 0) {
            throw new ClientLimitReached();
        }
    }

    @Override
    public void release(UUID agencyId) {
        jdbc.update("UPDATE command.client_quota SET active_clients = active_clients - 1 "
                + "WHERE agency_id = ? AND active_clients > 0", agencyId);
    }
}
