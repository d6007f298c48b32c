package com.webprometrics.command.integrations;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.UUID;

@Repository
class JdbcConnectedAccounts implements ConnectedAccounts {
    private final JdbcTemplate jdbc;

    JdbcConnectedAccounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(UUID integrationId, UUID clientId, String provider, String account) {
        return jdbc.update("""
                INSERT INTO command.connected_accounts (integration_id, client_id, provider, account) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING""", integrationId, clientId, provider, account) == 1;
    }

    @Override
    public void release(UUID integrationId) {
        jdbc.update("DELETE FROM command.connected_accounts WHERE integration_id = ?", integrationId);
    }
}
