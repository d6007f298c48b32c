package com.webprometrics.events.billing;

import java.time.Instant;
import java.util.UUID;

/** A downgrade to {@code toPlan} takes effect when the period ends ({@code effectiveAt}); until then nothing changes. */
public record PlanChangeScheduled(UUID subscriptionId, UUID agencyId, String fromPlan, String toPlan,
                                  Instant effectiveAt) {
}
