package com.webprometrics.events.auth;

import java.util.UUID;

/** A spent refresh token was presented again: a sign of theft. The whole family is revoked with it. */
public record RefreshTokenReuseDetected(UUID sessionId, UUID userId, UUID agencyId, int presentedGeneration,
                                        int currentGeneration) {
}
