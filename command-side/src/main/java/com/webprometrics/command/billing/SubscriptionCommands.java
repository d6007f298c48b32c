package com.webprometrics.command.billing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

public final class SubscriptionCommands {
    private SubscriptionCommands() {
    }

    /** A trial for an agency that signed up before subscriptions existed ({@link LegacyTrials}). */
    public record StartTrial(@TargetAggregateIdentifier UUID subscriptionId, UUID agencyId, String plan,
                             BillingProperties.Plan terms, Instant at, Instant trialEndsAt) {
    }

    /** @param terms the plan's terms as configured now */
    public record ChangePlan(@TargetAggregateIdentifier UUID subscriptionId, UUID agencyId, String plan,
                             BillingProperties.Plan terms, Instant at) {
    }

    public record ChangeBillingDetails(@TargetAggregateIdentifier UUID subscriptionId, UUID agencyId,
                                       BillingDetails details) {
    }

    /** Answers the URL of the provider's hosted page where a card is saved; it returns the browser to {@code returnUrl}. */
    public record StartPaymentMethodSetup(@TargetAggregateIdentifier UUID subscriptionId, UUID agencyId,
                                          String returnUrl, UUID requestId) {
    }

    /**
     * A verified webhook event of the provider, recorded once ({@code recordId} follows from its id); {@code card} is
     * the card a completed setup saved, read from the provider before the command.
     */
    public record RecordProviderEvent(UUID recordId, String providerEventId, String type, Instant providerCreatedAt,
                                      UUID subscriptionId, SavedCard card) {
    }

    public record SavedCard(String paymentMethodId, String brand, String last4, int expMonth, int expYear) {
    }
}
