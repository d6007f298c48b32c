package com.webprometrics.events.billing;

import java.time.Instant;
import java.util.UUID;

/** The subscription ends at {@code effectiveAt} (the period's or the trial's end) instead of renewing. */
public record CancellationScheduled(UUID subscriptionId, UUID agencyId, Instant requestedAt, Instant effectiveAt) {
}
