package com.webprometrics.events.billing;

import java.util.UUID;

/**
 * The downgrade to {@code plan} will not happen: the owner chose otherwise ({@code withdrawn}), or at period end the
 * agency used more clients or seats than the plan allows ({@code outgrown}).
 */
public record ScheduledPlanChangeDropped(UUID subscriptionId, UUID agencyId, String plan, String reason) {
}
