package com.webprometrics.command.audit;

import com.webprometrics.auditlog.CheckpointKey;
import com.webprometrics.command.integrations.credentials.TokenVault;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Base64;
import java.util.List;

/**
 * The key that signs audit checkpoints: {@code WPM_AUDIT_CHECKPOINT_KEY} (an Ed25519 PKCS#8 PEM) when given, else
 * generated at the first start and kept in {@code command.checkpoint_keys}, its private half sealed with the master
 * key. Only the command side reads it; the public half travels with every checkpoint.
 */
@Component
class CheckpointKeys {
    private final CheckpointKey key;

    CheckpointKeys(AuditProperties properties, JdbcTemplate jdbc, TransactionTemplate tx, TokenVault vault) {
        String pem = properties.checkpointKey();
        this.key = pem != null && !pem.isBlank() ? fromPem(pem) : tx.execute(status -> loadOrCreate(jdbc, vault));
    }

    CheckpointKey current() {
        return key;
    }

    private static CheckpointKey loadOrCreate(JdbcTemplate jdbc, TokenVault vault) {
        jdbc.queryForObject("SELECT pg_advisory_xact_lock(hashtext('wpm.checkpoint-key'))::text", String.class);
        List<CheckpointKey> stored = jdbc.query(
                "SELECT kid, private_key FROM command.checkpoint_keys ORDER BY created_at DESC LIMIT 1",
                (rs, n) -> CheckpointKey.fromPkcs8(vault.open(rs.getBytes(2), associatedData(rs.getString(1)))));
        if (!stored.isEmpty()) {
            return stored.get(0);
        }
        CheckpointKey created = CheckpointKey.generate();
        jdbc.update("INSERT INTO command.checkpoint_keys (kid, private_key, public_key) VALUES (?, ?, ?)",
                created.keyId(), vault.seal(created.privateKeyPkcs8(), associatedData(created.keyId())),
                created.publicKeyBytes());
        return created;
    }

    private static String associatedData(String kid) {
        return "checkpoint-key:" + kid;
    }

    private static CheckpointKey fromPem(String pem) {
        try {
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return CheckpointKey.fromPkcs8(Base64.getDecoder().decode(base64));
        } catch (RuntimeException e) {
            throw new IllegalStateException("WPM_AUDIT_CHECKPOINT_KEY is not an Ed25519 PKCS#8 PEM private key", e);
        }
    }
}
