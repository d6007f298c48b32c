package com.webprometrics.command.billing;

import com.webprometrics.command.billing.SubscriptionCommands.RecordProviderEvent;
import com.webprometrics.command.billing.SubscriptionCommands.StartPaymentMethodSetup;
import com.webprometrics.command.billing.provider.StripeApi;
import com.webprometrics.platform.web.ProblemException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The card round trip: a setup on the provider's hosted page (creating the subscription's customer there first, once),
 * and the verified webhook events that report its outcome, each recorded once.
 */
@Component
class PaymentMethods {
    private final Repository<Subscription> subscriptions;
    private final Repository<ProviderEvent> providerEvents;
    private final StripeApi provider;
    private final Invoicing invoicing;
    private final BillingNotices notices;

    PaymentMethods(@Qualifier("subscriptionRepository") Repository<Subscription> subscriptions,
                   @Qualifier("providerEventRepository") Repository<ProviderEvent> providerEvents, StripeApi provider,
                   Invoicing invoicing, BillingNotices notices) {
        this.invoicing = invoicing;
        this.notices = notices;
        this.subscriptions = subscriptions;
        this.providerEvents = providerEvents;
        this.provider = provider;
    }

    /**
     * @return the hosted page's URL. The provider is called inside the command: its idempotency keys make a retried
     * or rolled-back attempt create no second customer.
     */
    @CommandHandler
    String handle(StartPaymentMethodSetup command) {
        Aggregate<Subscription> aggregate = subscriptions.load(command.subscriptionId().toString());
        Subscription subscription = aggregate.invoke(s -> s);
        subscription.requireAgency(command.agencyId());
        try {
            String customer = subscription.customerId();
            if (customer == null) {
                customer = newCustomer(aggregate, subscription, "customer-" + command.subscriptionId());
            }
            String back = command.returnUrl() + (command.returnUrl().contains("?") ? "&" : "?");
            try {
                return setupSession(command, subscription, customer, back, "setup-" + command.requestId());
            } catch (StripeApi.ProviderException e) {
                if (!"resource_missing".equals(e.code)) throw e;
                // the provider no longer has our customer (deleted there, or a stand-in reset): a new one takes over
                customer = newCustomer(aggregate, subscription, "customer-" + command.subscriptionId() + "-"
                        + command.requestId());
                return setupSession(command, subscription, customer, back, "setup-" + command.requestId() + "-2");
            }
        } catch (StripeApi.ProviderException e) {
            throw new ProblemException(HttpStatus.BAD_GATEWAY, "payment-provider", "Payment provider unavailable",
                    "The payment provider did not answer as expected; try again in a moment.");
        }
    }

    private String newCustomer(Aggregate<Subscription> aggregate, Subscription subscription, String idempotencyKey) {
        BillingDetails details = subscription.billingDetails();
        String customer = provider.createCustomer(details == null ? null : details.billingEmail(),
                details == null ? null : details.legalName(), subscription.subscriptionId(), idempotencyKey);
        aggregate.execute(s -> s.linkCustomer(customer));
        return customer;
    }

    private String setupSession(StartPaymentMethodSetup command, Subscription subscription, String customer,
                                String back, String idempotencyKey) {
        return provider.createSetupSession(customer, subscription.currency(),
                back + "card=saved&session_id={CHECKOUT_SESSION_ID}", back + "card=cancelled",
                command.subscriptionId(), idempotencyKey).url();
    }

    /** Records the provider's event (once: a second creation fails on the store's unique key) and applies it. */
    @CommandHandler
    void handle(RecordProviderEvent command) throws Exception {
        Subscription subscription = null;
        Aggregate<Subscription> aggregate = null;
        if (command.subscriptionId() != null) {
            try {
                aggregate = subscriptions.load(command.subscriptionId().toString());
                subscription = aggregate.invoke(s -> s);
            } catch (AggregateNotFoundException e) {
                aggregate = null; // not one of ours: recorded, nothing else
            }
        }
        java.util.UUID agency = subscription == null ? null : subscription.agencyId();
        providerEvents.newInstance(() -> new ProviderEvent(command.recordId(), agency, command.providerEventId(),
                command.type(), command.providerCreatedAt(), agency == null ? null : command.subscriptionId()));
        if (aggregate != null) {
            apply(command, aggregate, subscription);
        }
    }

    /**
     * What each handled event changes. Payment outcomes were already recorded from the charge's own answer; the
     * webhook confirms them (and settles a payment whose answer was lost), so a late or out-of-order delivery changes
     * nothing. A failed payment's event is recorded only: the attempt that failed decided already.
     */
    private void apply(RecordProviderEvent command, Aggregate<Subscription> aggregate,
                              Subscription subscription) {
        SubscriptionCommands.ProviderObject object = command.object();
        java.time.Instant at = command.providerCreatedAt();
        switch (command.type()) {
            case "checkout.session.completed" -> {
                SubscriptionCommands.SavedCard card = command.card();
                if (card != null) {
                    aggregate.execute(s -> s.saveCard(card.paymentMethodId(), card.brand(), card.last4(),
                            card.expMonth(), card.expYear()));
                }
            }
            case "payment_intent.succeeded" -> {
                if (object != null && object.invoiceId() != null) {
                    Subscription.Status before = subscription.status();
                    aggregate.execute(s -> s.paid(object.invoiceId(), object.paymentIntentId(), at));
                    if (before != subscription.status() && subscription.status() == Subscription.Status.ACTIVE) {
                        notices.reactivated(subscription); // a payment whose own answer was lost
                    }
                }
            }
            case "charge.refunded" -> invoiceOf(subscription, object).ifPresent(invoice ->
                    refund(aggregate, subscription, invoice, object, at));
            case "charge.dispute.created" -> invoiceOf(subscription, object).ifPresent(invoice ->
                    aggregate.execute(s -> s.disputed(invoice, object.id(), object.reason(), object.amount(), at)));
            case "payment_method.detached" -> {
                if (object != null) {
                    aggregate.execute(s -> s.removeCard(object.id()));
                }
            }
            default -> {
            }
        }
    }

    /** A refund is recorded on its invoice and documented by a credit note for the newly refunded amount. */
    private void refund(Aggregate<Subscription> aggregate, Subscription subscription, java.util.UUID invoice,
                        SubscriptionCommands.ProviderObject object, java.time.Instant reportedAt) {
        java.time.Instant at = subscription.billingNow(reportedAt); // dated on the agency's billing clock
        long before = subscription.invoice(invoice).refundedCents();
        long refunded = object.amountRefunded() - before;
        if (refunded <= 0) {
            return; // an older or repeated report
        }
        java.util.UUID creditNote = Invoicing.invoiceId(subscription.subscriptionId(),
                "credit:" + invoice + ":" + object.amountRefunded());
        aggregate.execute(s -> s.refunded(invoice, object.amountRefunded(), at));
        aggregate.execute(s -> s.issue(invoicing.creditNote(s, creditNote, invoice, refunded, at)));
        aggregate.execute(s -> s.paid(creditNote, object.paymentIntentId(), at));
    }

    private static java.util.Optional<java.util.UUID> invoiceOf(Subscription subscription,
                                                               SubscriptionCommands.ProviderObject object) {
        return object == null || object.paymentIntentId() == null ? java.util.Optional.empty()
                : java.util.Optional.ofNullable(subscription.invoicePaidBy(object.paymentIntentId()));
    }
}
