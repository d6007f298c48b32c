package com.webprometrics.events.billing;

import java.time.Instant;
import java.util.UUID;

/**
 * The subscription moved from {@code fromPlan} to {@code toPlan} at {@code effectiveAt}, on the new plan's terms that
 * day; its client and seat limits are the agency's from then on.
 */
public record PlanChanged(UUID subscriptionId, UUID agencyId, String fromPlan, String toPlan, int clientLimit,
                          int seatLimit, long monthlyPriceCents, String currency, Instant effectiveAt) {
}
