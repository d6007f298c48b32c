package com.webprometrics.command.billing;

import com.webprometrics.command.billing.SubscriptionCommands.ChangeBillingDetails;
import com.webprometrics.command.infra.aggregates.AggregateStorageConfig;
import com.webprometrics.events.billing.BillingClockAdvanced;
import com.webprometrics.events.billing.BillingDetailsChanged;
import com.webprometrics.events.billing.BillingStepScheduled;
import com.webprometrics.events.billing.CancellationScheduled;
import com.webprometrics.events.billing.CancellationWithdrawn;
import com.webprometrics.events.billing.InvoiceDisputed;
import com.webprometrics.events.billing.InvoiceIssued;
import com.webprometrics.events.billing.InvoicePaid;
import com.webprometrics.events.billing.InvoicePaymentFailed;
import com.webprometrics.events.billing.InvoiceRefunded;
import com.webprometrics.events.billing.PaymentCustomerCreated;
import com.webprometrics.events.billing.PaymentMethodRemoved;
import com.webprometrics.events.billing.PaymentMethodSaved;
import com.webprometrics.events.billing.PeriodStarted;
import com.webprometrics.events.billing.PlanChangeScheduled;
import com.webprometrics.events.billing.PlanChanged;
import com.webprometrics.events.billing.ScheduledPlanChangeDropped;
import com.webprometrics.events.billing.SubscriptionCanceled;
import com.webprometrics.events.billing.SubscriptionReactivated;
import com.webprometrics.events.billing.SubscriptionSuspended;
import com.webprometrics.events.billing.TrialEnded;
import com.webprometrics.events.billing.TrialStarted;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An agency's subscription: its plan and terms, where it stands in its life (trialing → active ⇄ past due → suspended
 * → canceled), its invoices and what is due next on its billing clock. It decides; {@link BillingCycle} brings it the
 * outside world's answers (the invoice number, the charge). One per agency, with the id {@link SubscriptionIds#of}.
 */
@Aggregate(snapshotTriggerDefinition = AggregateStorageConfig.SNAPSHOTS, cache = "subscriptionCache")
public class Subscription {
    enum Status { TRIALING, ACTIVE, PAST_DUE, SUSPENDED, CANCELED }

    /** The next thing the billing clock brings, and when (billing time). */
    record Due(String step, Instant at) {
        static final Due NONE = new Due("none", null);
    }

    /**
     * What the subscription remembers of an invoice; the dunning schedule counts from the first failure, and only the
     * attempts it made itself.
     */
    record InvoiceState(String number, long totalCents, int taxRateBasisPoints, boolean reverseCharge, String taxNote,
                        boolean paid, int attempts, int scheduledAttempts, Instant firstFailedAt, Instant nextRetryAt,
                        long refundedCents, boolean disputed) {
        InvoiceState settled() {
            return new InvoiceState(number, totalCents, taxRateBasisPoints, reverseCharge, taxNote, true, attempts,
                    scheduledAttempts, firstFailedAt, null, refundedCents, disputed);
        }

        InvoiceState failed(int attempt, boolean scheduled, Instant at, Instant next) {
            return new InvoiceState(number, totalCents, taxRateBasisPoints, reverseCharge, taxNote, false, attempt,
                    scheduledAttempts + (scheduled ? 1 : 0), firstFailedAt == null ? at : firstFailedAt, next,
                    refundedCents, disputed);
        }

        InvoiceState refunded(long amount) {
            return new InvoiceState(number, totalCents, taxRateBasisPoints, reverseCharge, taxNote, paid, attempts,
                    scheduledAttempts, firstFailedAt, nextRetryAt, amount, disputed);
        }

        InvoiceState withDispute() {
            return new InvoiceState(number, totalCents, taxRateBasisPoints, reverseCharge, taxNote, paid, attempts,
                    scheduledAttempts, firstFailedAt, nextRetryAt, refundedCents, true);
        }
    }

    @AggregateIdentifier
    private UUID subscriptionId;
    private UUID agencyId;
    private Status status;
    private String plan;
    private long monthlyPriceCents;
    private String currency;
    private Instant trialEndsAt;
    private Instant periodStart;
    private Instant periodEnd;
    /** Where paid periods count their months from: the first paid period's start (again after a restart). */
    private Instant anchor;
    private Instant canceledAt;
    private String pendingPlan;
    private boolean cancelAtPeriodEnd;
    private Instant cancelsAt;
    private UUID openInvoiceId;
    private Map<UUID, InvoiceState> invoices = new HashMap<>();
    private Map<String, UUID> invoiceByPayment = new HashMap<>();
    private BillingDetails billingDetails;
    private String customerId;
    private String paymentMethodId;
    private Duration clockOffset = Duration.ZERO;
    private Due scheduled = Due.NONE;

    protected Subscription() {
    }

    /** Called at sign-up, in the unit of work that registers the agency and before its owner takes the first seat. */
    public Subscription(UUID agencyId, String planKey, BillingProperties.Plan terms, Instant now, Instant trialEndsAt) {
        apply(new TrialStarted(SubscriptionIds.of(agencyId), agencyId, planKey, terms.clientLimit(), terms.seatLimit(),
                terms.monthlyPriceCents(), terms.currency(), now, trialEndsAt));
        // a constructor's events are applied after it returns: its state cannot be asked yet
        apply(new BillingStepScheduled(SubscriptionIds.of(agencyId), agencyId, "trial-end", trialEndsAt, trialEndsAt));
    }

    @CommandHandler
    Subscription(SubscriptionCommands.StartTrial command) {
        this(command.agencyId(), command.plan(), command.terms(), command.at(), command.trialEndsAt());
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

    // --- what it is ------------------------------------------------------------------------------------------------

    UUID agencyId() {
        return agencyId;
    }

    UUID subscriptionId() {
        return subscriptionId;
    }

    Status status() {
        return status;
    }

    String plan() {
        return plan;
    }

    long monthlyPriceCents() {
        return monthlyPriceCents;
    }

    String pendingPlan() {
        return pendingPlan;
    }

    Instant periodStart() {
        return periodStart;
    }

    Instant periodEnd() {
        return periodEnd;
    }

    boolean cancelAtPeriodEnd() {
        return cancelAtPeriodEnd;
    }

    Instant canceledAt() {
        return canceledAt;
    }

    /** The provider's customer for this subscription, or null before the first card. */
    String customerId() {
        return customerId;
    }

    /** The saved card renewals charge, or null. */
    String paymentMethodId() {
        return paymentMethodId;
    }

    String currency() {
        return currency;
    }

    BillingDetails billingDetails() {
        return billingDetails;
    }

    UUID openInvoiceId() {
        return openInvoiceId;
    }

    InvoiceState invoice(UUID invoiceId) {
        return invoices.get(invoiceId);
    }

    UUID invoicePaidBy(String paymentIntentId) {
        return invoiceByPayment.get(paymentIntentId);
    }

    /** The agency's billing clock: the wall clock, moved forward by test clocks. */
    Instant billingNow(Instant wallClock) {
        return wallClock.plus(clockOffset);
    }

    /** What the billing clock brings next, whether or not it is due yet. */
    Due nextDue() {
        return switch (status) {
            case TRIALING -> new Due(cancelAtPeriodEnd ? "cancellation" : "trial-end", trialEndsAt);
            case ACTIVE -> new Due(cancelAtPeriodEnd ? "cancellation" : "renewal", periodEnd);
            case PAST_DUE -> {
                InvoiceState open = openInvoiceId == null ? null : invoices.get(openInvoiceId);
                yield open == null || open.nextRetryAt() == null ? Due.NONE : new Due("retry", open.nextRetryAt());
            }
            case SUSPENDED -> new Due("cancellation", cancelsAt);
            case CANCELED -> Due.NONE;
        };
    }

    /** The step due at billing time {@code now}, or {@link Due#NONE}. */
    Due dueAt(Instant now) {
        Due next = nextDue();
        return next.at() != null && !now.isBefore(next.at()) ? next : Due.NONE;
    }

    // --- decisions, made by BillingCycle with the outside world's answers --------------------------------------------

    /** Records a new due step when it changed, with the wall-clock instant the renewal process sets its deadline at. */
    void scheduleNext(Instant wallClock) {
        Due next = nextDue();
        if (!next.equals(scheduled)) {
            apply(new BillingStepScheduled(subscriptionId, agencyId, next.step(), next.at(),
                    next.at() == null ? null : next.at().minus(clockOffset)));
        }
    }

    void advanceClock(Duration by, Instant wallClock) {
        Duration offset = clockOffset.plus(by);
        apply(new BillingClockAdvanced(subscriptionId, agencyId, by, offset, wallClock.plus(offset)));
        Due next = nextDue();
        if (next.at() != null) { // the same step, due sooner on the wall clock
            apply(new BillingStepScheduled(subscriptionId, agencyId, next.step(), next.at(), next.at().minus(offset)));
        }
    }

    void endTrial(Instant at) {
        apply(new TrialEnded(subscriptionId, agencyId, paymentMethodId != null, at));
    }

    /** A trial's change, or an upgrade: at once. */
    void changePlanNow(String planKey, BillingProperties.Plan terms, Instant at) {
        apply(new PlanChanged(subscriptionId, agencyId, plan, planKey, terms.clientLimit(), terms.seatLimit(),
                terms.monthlyPriceCents(), terms.currency(), at));
    }

    void scheduleDowngrade(String planKey) {
        apply(new PlanChangeScheduled(subscriptionId, agencyId, plan, planKey, periodEnd));
    }

    void dropPendingPlan(String reason) {
        apply(new ScheduledPlanChangeDropped(subscriptionId, agencyId, pendingPlan, reason));
    }

    void startPeriod(Instant start) {
        apply(new PeriodStarted(subscriptionId, agencyId, plan, start,
                BillingPeriods.end(anchor == null ? start : anchor, start)));
    }

    void issue(InvoiceIssued invoice) {
        apply(invoice);
    }

    void paid(UUID invoiceId, String paymentIntentId, Instant at) {
        InvoiceState invoice = invoices.get(invoiceId);
        if (invoice == null || invoice.paid()) {
            return;
        }
        Status before = status;
        apply(new InvoicePaid(subscriptionId, agencyId, invoiceId, paymentIntentId, invoice.totalCents(), at));
        if ((before == Status.PAST_DUE || before == Status.SUSPENDED) && openInvoiceId == null) {
            apply(new SubscriptionReactivated(subscriptionId, agencyId, invoiceId, at));
        }
    }

    /**
     * A failed attempt. A scheduled one (the first, or a retry the schedule made) moves on along {@code retries}
     * (offsets from the first failure); after the last, the subscription is suspended until {@code grace} has passed.
     * A manual one (the owner's "pay now") leaves the schedule as it was.
     */
    void paymentFailed(UUID invoiceId, String code, String message, Instant at, boolean scheduledAttempt,
                       List<Duration> retries, Duration grace) {
        InvoiceState invoice = invoices.get(invoiceId);
        if (invoice == null || invoice.paid()) {
            return;
        }
        Instant next = invoice.nextRetryAt();
        boolean exhausted = false;
        if (scheduledAttempt) {
            int done = invoice.scheduledAttempts() + 1; // the first charge, then one per retry
            Instant firstFailure = invoice.firstFailedAt() == null ? at : invoice.firstFailedAt();
            exhausted = done > retries.size();
            next = exhausted ? null : firstFailure.plus(retries.get(done - 1));
        }
        apply(new InvoicePaymentFailed(subscriptionId, agencyId, invoiceId, invoice.attempts() + 1, scheduledAttempt,
                code, message, at, next));
        if (exhausted && status != Status.SUSPENDED) {
            apply(new SubscriptionSuspended(subscriptionId, agencyId, invoiceId, at, at.plus(grace)));
        }
    }

    void cancel(String reason, Instant at) {
        if (pendingPlan != null) {
            apply(new ScheduledPlanChangeDropped(subscriptionId, agencyId, pendingPlan, "canceled"));
        }
        apply(new SubscriptionCanceled(subscriptionId, agencyId, reason, at));
    }

    void scheduleCancellation(Instant at) {
        apply(new CancellationScheduled(subscriptionId, agencyId, at, status == Status.TRIALING ? trialEndsAt
                : periodEnd));
    }

    void withdrawCancellation() {
        apply(new CancellationWithdrawn(subscriptionId, agencyId));
    }

    void refunded(UUID invoiceId, long amountRefunded, Instant at) {
        InvoiceState invoice = invoices.get(invoiceId);
        if (invoice != null && amountRefunded > invoice.refundedCents()) {
            apply(new InvoiceRefunded(subscriptionId, agencyId, invoiceId, amountRefunded, at));
        }
    }

    void disputed(UUID invoiceId, String disputeId, String reason, long amount, Instant at) {
        InvoiceState invoice = invoices.get(invoiceId);
        if (invoice != null && !invoice.disputed()) {
            apply(new InvoiceDisputed(subscriptionId, agencyId, invoiceId, disputeId, reason, amount, at));
        }
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

    /** A card detached at the provider; any other card than the saved one changes nothing. */
    void removeCard(String paymentMethod) {
        if (paymentMethod.equals(paymentMethodId)) {
            apply(new PaymentMethodRemoved(subscriptionId, agencyId, paymentMethod));
        }
    }

    // --- state ------------------------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(TrialStarted event) {
        this.subscriptionId = event.subscriptionId();
        this.agencyId = event.agencyId();
        this.status = Status.TRIALING;
        this.plan = event.plan();
        this.monthlyPriceCents = event.monthlyPriceCents();
        this.currency = event.currency();
        this.trialEndsAt = event.trialEndsAt();
        this.periodStart = event.startedAt();
        this.periodEnd = event.trialEndsAt();
    }

    @EventSourcingHandler
    void on(BillingStepScheduled event) {
        this.scheduled = new Due(event.step(), event.dueAt());
    }

    @EventSourcingHandler
    void on(BillingClockAdvanced event) {
        this.clockOffset = event.offset();
    }

    @EventSourcingHandler
    void on(TrialEnded event) {
        this.trialEndsAt = null;
    }

    @EventSourcingHandler
    void on(PlanChanged event) {
        this.plan = event.toPlan();
        this.monthlyPriceCents = event.monthlyPriceCents();
        this.currency = event.currency();
        this.pendingPlan = null;
    }

    @EventSourcingHandler
    void on(PlanChangeScheduled event) {
        this.pendingPlan = event.toPlan();
    }

    @EventSourcingHandler
    void on(ScheduledPlanChangeDropped event) {
        this.pendingPlan = null;
    }

    @EventSourcingHandler
    void on(PeriodStarted event) {
        this.status = Status.ACTIVE;
        if (anchor == null) {
            this.anchor = event.periodStart();
        }
        this.periodStart = event.periodStart();
        this.periodEnd = event.periodEnd();
        this.cancelAtPeriodEnd = false;
        this.cancelsAt = null;
    }

    @EventSourcingHandler
    void on(CancellationScheduled event) {
        this.cancelAtPeriodEnd = true;
    }

    @EventSourcingHandler
    void on(CancellationWithdrawn event) {
        this.cancelAtPeriodEnd = false;
    }

    @EventSourcingHandler
    void on(InvoiceIssued event) {
        invoices.put(event.invoiceId(), new InvoiceState(event.number(), event.totalCents(),
                event.taxRateBasisPoints(), event.reverseCharge(), event.taxNote(), false, 0, 0, null, null, 0, false));
        if (!Invoicing.CREDIT_NOTE.equals(event.kind())) { // a credit note is settled by the refund it documents
            this.openInvoiceId = event.invoiceId();
        }
    }

    @EventSourcingHandler
    void on(InvoicePaid event) {
        invoices.computeIfPresent(event.invoiceId(), (id, i) -> i.settled());
        if (event.paymentIntentId() != null) {
            invoiceByPayment.putIfAbsent(event.paymentIntentId(), event.invoiceId());
        }
        if (event.invoiceId().equals(openInvoiceId)) {
            this.openInvoiceId = null;
        }
    }

    @EventSourcingHandler
    void on(InvoicePaymentFailed event) {
        invoices.computeIfPresent(event.invoiceId(), (id, i) -> i.failed(event.attempt(), event.scheduled(),
                event.failedAt(), event.nextRetryAt()));
        if (status == Status.ACTIVE && event.invoiceId().equals(openInvoiceId)) {
            this.status = Status.PAST_DUE;
        }
    }

    @EventSourcingHandler
    void on(InvoiceRefunded event) {
        invoices.computeIfPresent(event.invoiceId(), (id, i) -> i.refunded(event.amountRefundedCents()));
    }

    @EventSourcingHandler
    void on(InvoiceDisputed event) {
        invoices.computeIfPresent(event.invoiceId(), (id, i) -> i.withDispute());
    }

    @EventSourcingHandler
    void on(SubscriptionSuspended event) {
        this.status = Status.SUSPENDED;
        this.cancelsAt = event.cancelsAt();
    }

    @EventSourcingHandler
    void on(SubscriptionReactivated event) {
        this.status = Status.ACTIVE;
        this.cancelsAt = null;
    }

    @EventSourcingHandler
    void on(SubscriptionCanceled event) {
        this.status = Status.CANCELED;
        this.canceledAt = event.canceledAt();
        this.anchor = null;
        this.cancelAtPeriodEnd = false;
        this.cancelsAt = null;
        this.pendingPlan = null;
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
    void on(PaymentMethodRemoved event) {
        this.paymentMethodId = null;
    }

    @EventSourcingHandler
    void on(BillingDetailsChanged event) {
        this.billingDetails = new BillingDetails(event.legalName(), List.copyOf(event.addressLines()),
                event.postalCode(), event.city(), event.country(), event.vatId(), event.billingEmail());
    }
}
