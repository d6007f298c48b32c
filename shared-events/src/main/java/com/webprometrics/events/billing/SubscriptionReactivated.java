package com.webprometrics.events.billing;

import java.time.Instant;
import java.util.UUID;

/** Paying {@code invoiceId} brought a past-due or suspended subscription back to {@code active}. */
public record SubscriptionReactivated(UUID subscriptionId, UUID agencyId, UUID invoiceId, Instant reactivatedAt) {
}
