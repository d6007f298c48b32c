package com.webprometrics.events.auth;

import java.time.Instant;
import java.util.UUID;

/**
 * Emitted by accounts that locked after five failed sign-ins; no longer emitted (a lock anyone could trigger kept
 * owners out) but kept: event stores written before hold it.
 */
public record UserLockedOut(UUID userId, UUID agencyId, Instant lockedUntil, int consecutiveFailures) {
}
