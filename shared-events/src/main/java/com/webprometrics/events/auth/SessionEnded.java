package com.webprometrics.events.auth;

import java.util.UUID;

/** The family ended; {@code reason}: {@code logout}, {@code reuse_detected}, {@code user_deactivated}. */
public record SessionEnded(UUID sessionId, UUID userId, UUID agencyId, String reason) {
}
