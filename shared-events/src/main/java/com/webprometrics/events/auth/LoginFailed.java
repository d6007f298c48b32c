package com.webprometrics.events.auth;

import java.util.UUID;

/**
 * A sign-in for a known account was refused. {@code reason}: {@code bad_credentials}, {@code locked},
 * {@code deactivated}; {@code consecutiveFailures} counts bad passwords since the last success.
 */
public record LoginFailed(UUID userId, UUID agencyId, String reason, int consecutiveFailures) {
}
