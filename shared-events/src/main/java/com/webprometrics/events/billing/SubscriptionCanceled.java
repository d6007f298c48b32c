package com.webprometrics.events.billing;

import java.time.Instant;
import java.util.UUID;

/** The subscription ended: {@code requested} by the agency at a period's end, or {@code unpaid} after suspension. */
public record SubscriptionCanceled(UUID subscriptionId, UUID agencyId, String reason, Instant canceledAt) {
}
