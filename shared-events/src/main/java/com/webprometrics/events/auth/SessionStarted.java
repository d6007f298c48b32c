package com.webprometrics.events.auth;

import java.time.Instant;
import java.util.UUID;

/** A refresh-token family began (at login, signup or invitation acceptance). */
public record SessionStarted(UUID sessionId, UUID userId, UUID agencyId, Instant expiresAt) {
}
