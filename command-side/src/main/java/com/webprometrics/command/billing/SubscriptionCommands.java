package com.webprometrics.command.billing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

public final class SubscriptionCommands {
    private SubscriptionCommands() {
    }

    /** @param terms the plan's terms as configured now */
    public record ChangePlan(@TargetAggregateIdentifier UUID subscriptionId, UUID agencyId, String plan,
                             BillingProperties.Plan terms, Instant at) {
    }

    public record ChangeBillingDetails(@TargetAggregateIdentifier UUID subscriptionId, UUID agencyId,
                                       BillingDetails details) {
    }
}
