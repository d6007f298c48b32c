package com.webprometrics.events.billing;

import java.time.Instant;
import java.util.UUID;

/**
 * Every retry of {@code invoiceId} failed: the agency can sign in, read, export and pay, and nothing else. Unless the
 * invoice is paid it is canceled at {@code cancelsAt} (billing time).
 */
public record SubscriptionSuspended(UUID subscriptionId, UUID agencyId, UUID invoiceId, Instant suspendedAt,
                                    Instant cancelsAt) {
}
