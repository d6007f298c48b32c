package com.webprometrics.command.integrations.credentials;

import com.webprometrics.command.integrations.IntegrationCredentials;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@code command.integration_credentials}: only ciphertext, sealed by {@link TokenVault} with the integration id. */
@Repository
class JdbcIntegrationCredentials implements IntegrationCredentials {
    private final JdbcTemplate jdbc;

    JdbcIntegrationCredentials(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(UUID integrationId, UUID agencyId, String provider, byte[] sealed) {
        jdbc.update("""
                INSERT INTO command.integration_credentials (integration_id, agency_id, provider, ciphertext)
                VALUES (?, ?, ?, ?)
                ON CONFLICT (integration_id) DO UPDATE SET ciphertext = excluded.ciphertext, updated_at = now()""",
                integrationId, agencyId, provider, sealed);
    }

    @Override
    public Optional<byte[]> find(UUID integrationId) {
        List<byte[]> rows = jdbc.query("SELECT ciphertext FROM command.integration_credentials WHERE integration_id = ?",
                (rs, n) -> rs.getBytes(1), integrationId);
        return rows.stream().findFirst();
    }

    @Override
    public boolean replace(UUID integrationId, byte[] sealed) {
        return jdbc.update("UPDATE command.integration_credentials SET ciphertext = ?, updated_at = now() "
                + "WHERE integration_id = ?", sealed, integrationId) == 1;
    }

    @Override
    public void delete(UUID integrationId) {
        jdbc.update("DELETE FROM command.integration_credentials WHERE integration_id = ?", integrationId);
    }
}
