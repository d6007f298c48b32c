package com.webprometrics.events.billing;

import java.time.Instant;
import java.util.UUID;

/** The free trial is over (billing time {@code endedAt}); what follows is a paid period or a cancellation. */
public record TrialEnded(UUID subscriptionId, UUID agencyId, boolean hadPaymentMethod, Instant endedAt) {
}
