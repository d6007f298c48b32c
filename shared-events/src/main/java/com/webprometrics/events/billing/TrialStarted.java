package com.webprometrics.events.billing;

import java.time.Instant;
import java.util.UUID;

/**
 * A new agency's subscription began as a free trial of {@code plan}, on the terms the plan had that day (limits,
 * monthly price in minor units of {@code currency}); no card is needed until {@code trialEndsAt}.
 */
public record TrialStarted(UUID subscriptionId, UUID agencyId, String plan, int clientLimit, int seatLimit,
                           long monthlyPriceCents, String currency, Instant startedAt, Instant trialEndsAt) {
}
