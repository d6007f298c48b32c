package com.webprometrics.command.auth;

import java.util.Optional;
import java.util.UUID;

/** Hashes of refresh tokens, one per (session, generation); the tokens themselves are never stored. */
public interface RefreshTokenStore {

    void save(UUID sessionId, int generation, UUID userId, byte[] tokenHash);

    Optional<StoredToken> find(UUID sessionId, int generation);

    record StoredToken(UUID userId, byte[] hash) {
    }
}
