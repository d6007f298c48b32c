package com.webprometrics.events.reports;

import java.time.Instant;
import java.util.UUID;

/**
 * One delivery attempt failed. {@code reason}: {@code no-smtp} (no SMTP server configured), {@code smtp}
 * (the server refused or was unreachable), {@code render} (the file could not be built). {@code nextAttemptAt}
 * is when it is tried again, or null when the delivery has given up.
 */
public record ReportDeliveryFailed(UUID reportId, UUID agencyId, UUID clientId, UUID deliveryId, String reason,
                                   String message, int attempt, Instant failedAt, Instant nextAttemptAt) {
}
