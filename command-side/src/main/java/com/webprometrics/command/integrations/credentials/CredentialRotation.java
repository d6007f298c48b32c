package com.webprometrics.command.integrations.credentials;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * Finishes a master-key rotation: at start, every credential row sealed with a key that is no longer the
 * primary is sealed again with the primary, so the old key can be removed from the keyset afterwards. Each
 * row is replaced only if it did not change meanwhile, so instances starting together do no harm.
 */
@Component
public class CredentialRotation {
    private static final Logger log = LoggerFactory.getLogger(CredentialRotation.class);
    private final JdbcTemplate jdbc;
    private final TokenVault vault;

    public CredentialRotation(JdbcTemplate jdbc, TokenVault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
    }

    private record Row(UUID integrationId, byte[] ciphertext) {
    }

    @EventListener(ApplicationReadyEvent.class)
    public int resealWithPrimaryKey() {
        List<Row> rows = jdbc.query("SELECT integration_id, ciphertext FROM command.integration_credentials",
                (rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getBytes(2)));
        int resealed = 0;
        int unreadable = 0;
        for (Row row : rows) {
            if (!vault.sealedWithOlderKey(row.ciphertext())) {
                continue;
            }
            byte[] plaintext;
            try {
                plaintext = vault.open(row.integrationId(), row.ciphertext());
            } catch (IllegalStateException e) {
                unreadable++;
                continue;
            }
            resealed += jdbc.update("UPDATE command.integration_credentials SET ciphertext = ?, updated_at = now() "
                            + "WHERE integration_id = ? AND ciphertext = ?",
                    vault.seal(row.integrationId(), plaintext), row.integrationId(), row.ciphertext());
        }
        if (resealed > 0) {
            log.info("Sealed {} integration credentials again with the current primary master key", resealed);
        }
        if (unreadable > 0) {
            log.warn("{} integration credentials cannot be decrypted with the master key (a key was removed from "
                    + "the keyset too early?); those integrations must be reconnected", unreadable);
        }
        return resealed;
    }
}
