package com.webprometrics.command.auth;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.Optional;
import java.util.UUID;

@Repository
class JdbcRefreshTokenStore implements RefreshTokenStore {
    private final JdbcTemplate jdbc;

    JdbcRefreshTokenStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(UUID sessionId, int generation, UUID userId, byte[] tokenHash) {
        jdbc.update("INSERT INTO command.refresh_tokens (session_id, generation, user_id, token_hash) VALUES (?, ?, ?, ?)",
                sessionId, generation, userId, tokenHash);
    }

    @Override
    public Optional<StoredToken> find(UUID sessionId, int generation) {
        return jdbc.query("SELECT user_id, token_hash FROM command.refresh_tokens WHERE session_id = ? AND generation = ?",
                (rs, n) -> new StoredToken(rs.getObject(1, UUID.class), rs.getBytes(2)), sessionId, generation)
                .stream().findFirst();
    }
}
