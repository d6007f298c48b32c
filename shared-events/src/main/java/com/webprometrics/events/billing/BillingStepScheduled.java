package com.webprometrics.events.billing;

import java.time.Instant;
import java.util.UUID;

/**
 * What the subscription does next and when: {@code step} is {@code trial-end}, {@code renewal}, {@code retry},
 * {@code cancellation} or {@code none}; {@code dueAt} is on the agency's billing clock and {@code runAt} the same
 * instant on the wall clock (they differ once a test clock was advanced). The renewal process sets a deadline at
 * {@code runAt}.
 */
public record BillingStepScheduled(UUID subscriptionId, UUID agencyId, String step, Instant dueAt, Instant runAt) {
}
