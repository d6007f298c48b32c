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

    /**
     * @param terms     the plan's terms as configured now
     * @param requestId names the upgrade's invoice, so a retried request charges once
     */
    public record ChangePlan(UUID subscriptionId, UUID agencyId, String plan, BillingProperties.Plan terms,
                             UUID requestId) {
    }

    /** What {@link ChangePlan} would do and cost now; changes nothing. */
    public record PreviewPlanChange(UUID subscriptionId, UUID agencyId, String plan, BillingProperties.Plan terms) {
    }

    /** At the end of the period (or trial): the time paid for is kept. */
    public record CancelSubscription(UUID subscriptionId, UUID agencyId) {
    }

    /** Takes back a scheduled cancellation, or starts a canceled subscription again with a new paid period. */
    public record ResumeSubscription(UUID subscriptionId, UUID agencyId) {
    }

    /** Ends the trial now and starts the first paid period, charged at once with the saved card. */
    public record EndTrialNow(UUID subscriptionId, UUID agencyId) {
    }

    /** Charges the open invoice now with the saved card (the owner's "pay now"). */
    public record PayInvoice(UUID subscriptionId, UUID agencyId, UUID invoiceId) {
    }

    /**
     * Runs the step the subscription's billing clock has reached, if any (trial end, renewal, retry, cancellation);
     * answers whether one ran. Sent by the renewal process's deadline with the billing time it was set for
     * ({@code dueAt}: an instance whose clock lags the one that scheduled it still runs the step) and by test clocks.
     */
    public record RunBillingStep(UUID subscriptionId, Instant dueAt) {
        /** What is due by the billing clock now (test clocks). */
        public RunBillingStep(UUID subscriptionId) {
            this(subscriptionId, null);
        }
    }

    /** Test mode: moves the agency's billing clock forward. */
    public record AdvanceBillingClock(@TargetAggregateIdentifier UUID subscriptionId, java.time.Duration by) {
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
                                      UUID subscriptionId, SavedCard card, ProviderObject object) {
    }

    /**
     * What WebProMetrics reads of the event's object: its id, the payment it concerns, the invoice our metadata names,
     * amounts (minor units) and a dispute's reason.
     */
    public record ProviderObject(String id, String paymentIntentId, UUID invoiceId, long amount, long amountRefunded,
                                 String reason) {
    }

    public record SavedCard(String paymentMethodId, String brand, String last4, int expMonth, int expYear) {
    }
}
