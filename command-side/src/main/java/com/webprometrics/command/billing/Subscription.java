package com.webprometrics.command.billing;

import com.webprometrics.command.billing.SubscriptionCommands.ChangeBillingDetails;
import com.webprometrics.command.billing.SubscriptionCommands.ChangePlan;
import com.webprometrics.command.infra.aggregates.AggregateStorageConfig;
import com.webprometrics.events.billing.BillingDetailsChanged;
import com.webprometrics.events.billing.PaymentCustomerCreated;
import com.webprometrics.events.billing.PaymentMethodSaved;
import com.webprometrics.events.billing.PlanChanged;
import com.webprometrics.events.billing.TrialStarted;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An agency's subscription: which plan it is on, on what terms, and where it stands in its life (trialing first).
 * Its limits are the agency's client and seat limits (the quota tables follow its events). One per agency, with the
 * id {@link SubscriptionIds#of} the agency's.
 */
@Aggregate(snapshotTriggerDefinition = AggregateStorageConfig.SNAPSHOTS)
public class Subscription {
    @AggregateIdentifier
    private UUID subscriptionId;
    private UUID agencyId;
    private String plan;
    private String currency;
    private BillingDetails billingDetails;
    private String customerId;
    private String paymentMethodId;

    protected Subscription() {
    }

    /** Called at sign-up, in the unit of work that registers the agency and before its owner takes the first seat. */
    public Subscription(UUID agencyId, String planKey, BillingProperties.Plan terms, Instant now, Instant trialEndsAt) {
        apply(new TrialStarted(SubscriptionIds.of(agencyId), agencyId, planKey, terms.clientLimit(), terms.seatLimit(),
                terms.monthlyPriceCents(), terms.currency(), now, trialEndsAt));
    }

    @CommandHandler
    Subscription(SubscriptionCommands.StartTrial command) {
        this(command.agencyId(), command.plan(), command.terms(), command.at(), command.trialEndsAt());
    }

    /**
     * A trial's plan change takes effect at once and costs nothing: nothing was paid. (Every subscription is a trial
     * until payments exist; a paid period will prorate an upgrade and defer a downgrade.) The agency's client and
     * seat counts must fit the new plan: the quota tables refuse it otherwise, in this command's transaction.
     */
    @CommandHandler
    void handle(ChangePlan command) {
        requireAgency(command.agencyId());
        if (plan.equals(command.plan())) {
            throw SubscriptionRejection.SAME_PLAN.get();
        }
        BillingProperties.Plan terms = command.terms();
        apply(new PlanChanged(subscriptionId, agencyId, plan, command.plan(), terms.clientLimit(), terms.seatLimit(),
                terms.monthlyPriceCents(), terms.currency(), command.at()));
    }

    /** Saving the details as they are appends nothing. */
    @CommandHandler
    void handle(ChangeBillingDetails command) {
        requireAgency(command.agencyId());
        BillingDetails next = command.details();
        if (next.equals(billingDetails)) {
            return;
        }
        apply(new BillingDetailsChanged(subscriptionId, agencyId, next.legalName(), next.addressLines(),
                next.postalCode(), next.city(), next.country(), next.vatId(), next.billingEmail()));
    }

    void requireAgency(UUID agency) {
        if (!agencyId.equals(agency)) {
            throw SubscriptionRejection.NOT_FOUND.get();
        }
    }

    UUID agencyId() {
        return agencyId;
    }

    UUID subscriptionId() {
        return subscriptionId;
    }

    /** The provider's customer for this subscription, or null before the first card. */
    String customerId() {
        return customerId;
    }

    String currency() {
        return currency;
    }

    BillingDetails billingDetails() {
        return billingDetails;
    }

    /** The provider's customer for this subscription: the first, or one replacing a customer the provider lost. */
    void linkCustomer(String customer) {
        if (!customer.equals(customerId)) {
            apply(new PaymentCustomerCreated(subscriptionId, agencyId, customer));
        }
    }

    /** The card a completed setup saved; the same card again (a redelivered event) changes nothing. */
    void saveCard(String paymentMethod, String brand, String last4, int expMonth, int expYear) {
        if (!paymentMethod.equals(paymentMethodId)) {
            apply(new PaymentMethodSaved(subscriptionId, agencyId, paymentMethod, brand, last4, expMonth, expYear));
        }
    }

    @EventSourcingHandler
    void on(PaymentCustomerCreated event) {
        this.customerId = event.customerId();
    }

    @EventSourcingHandler
    void on(PaymentMethodSaved event) {
        this.paymentMethodId = event.paymentMethodId();
    }

    @EventSourcingHandler
    void on(BillingDetailsChanged event) {
        this.billingDetails = new BillingDetails(event.legalName(), List.copyOf(event.addressLines()),
                event.postalCode(), event.city(), event.country(), event.vatId(), event.billingEmail());
    }

    @EventSourcingHandler
    void on(PlanChanged event) {
        this.plan = event.toPlan();
        this.currency = event.currency();
    }

    @EventSourcingHandler
    void on(TrialStarted event) {
        this.subscriptionId = event.subscriptionId();
        this.agencyId = event.agencyId();
        this.plan = event.plan();
        this.currency = event.currency();
    }
}
