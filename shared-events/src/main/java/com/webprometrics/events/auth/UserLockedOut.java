package com.webprometrics.events.auth;

import java.time.Instant;
import java.util.UUID;

public record UserLockedOut(UUID userId, UUID agencyId, Instant lockedUntil, int consecutiveFailures) {
}
