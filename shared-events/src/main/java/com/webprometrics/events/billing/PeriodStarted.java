package com.webprometrics.events.billing;

import java.time.Instant;
import java.util.UUID;

/**
 * A paid period of {@code plan} began: after the trial, at each renewal, or when a canceled subscription was taken up
 * again. The subscription is {@code active} until a payment fails.
 */
public record PeriodStarted(UUID subscriptionId, UUID agencyId, String plan, Instant periodStart, Instant periodEnd) {
}
