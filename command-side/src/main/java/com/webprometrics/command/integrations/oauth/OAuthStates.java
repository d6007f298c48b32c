package com.webprometrics.command.integrations.oauth;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code command.oauth_states}: pending authorizations, keyed by the SHA-256 of the state (the state itself is
 * never stored), bound to the integration, the user who started it and the browser (the hash of a cookie
 * nonce). Consuming deletes the row in the same statement that finds it, so a state works once.
 */
@Repository
class OAuthStates {
    private final JdbcTemplate jdbc;

    OAuthStates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Pending(UUID integrationId, UUID agencyId, UUID clientId, UUID userId, String provider,
                   byte[] sealedVerifier, Instant expiresAt) {
        @Override
        public String toString() {
            return "Pending[integrationId=" + integrationId + ", provider=" + provider + "]";
        }
    }

    void save(byte[] stateHash, byte[] browserHash, Pending pending) {
        jdbc.update("""
                INSERT INTO command.oauth_states (state_hash, browser_hash, integration_id, agency_id, client_id, user_id,
                    provider, sealed_verifier, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                stateHash, browserHash, pending.integrationId(), pending.agencyId(), pending.clientId(),
                pending.userId(), pending.provider(), pending.sealedVerifier(), Timestamp.from(pending.expiresAt()));
    }

    /** The pending authorization of this state and browser, removed so it can never be used again. */
    Optional<Pending> consume(byte[] stateHash, byte[] browserHash) {
        List<Pending> rows = jdbc.query("""
                DELETE FROM command.oauth_states WHERE state_hash = ? AND browser_hash = ?
                RETURNING integration_id, agency_id, client_id, user_id, provider, sealed_verifier, expires_at""",
                (rs, n) -> new Pending(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getString(5), rs.getBytes(6),
                        rs.getTimestamp(7).toInstant()),
                stateHash, browserHash);
        return rows.stream().findFirst();
    }

    /** Expired states are kept a day (to tell "expired" from "unknown"), then dropped. */
    void purgeExpiredBefore(Instant cutoff) {
        jdbc.update("DELETE FROM command.oauth_states WHERE expires_at < ?", Timestamp.from(cutoff));
    }
}
