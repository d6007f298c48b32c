package com.webprometrics.command.billing;

import com.webprometrics.command.billing.Subscription.Status;
import com.webprometrics.command.billing.SubscriptionCommands.AdvanceBillingClock;
import com.webprometrics.command.billing.SubscriptionCommands.CancelSubscription;
import com.webprometrics.command.billing.SubscriptionCommands.ChangePlan;
import com.webprometrics.command.billing.SubscriptionCommands.EndTrialNow;
import com.webprometrics.command.billing.SubscriptionCommands.PayInvoice;
import com.webprometrics.command.billing.SubscriptionCommands.PreviewPlanChange;
import com.webprometrics.command.billing.SubscriptionCommands.ResumeSubscription;
import com.webprometrics.command.billing.SubscriptionCommands.RunBillingStep;
import com.webprometrics.command.clients.ClientQuota;
import com.webprometrics.command.clients.ClientRejection;
import com.webprometrics.command.team.SeatQuota;
import com.webprometrics.command.team.TeamRejection;
import com.webprometrics.command.billing.provider.StripeApi;
import com.webprometrics.events.billing.InvoiceLine;
import com.webprometrics.platform.web.ProblemException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Everything that moves a subscription through its life with money involved: the billing clock's steps (trial end,
 * renewal, retry, cancellation), plan changes, cancel and resume, and paying an open invoice. The subscription
 * decides; this brings it the invoice number and the provider's answer, in one transaction per command. The charge
 * comes before the number, so the series' lock is held only from the number to the commit.
 */
@Component
class BillingCycle {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy").withZone(ZoneOffset.UTC);

    private final Repository<Subscription> subscriptions;
    private final Invoicing invoicing;
    private final Charges charges;
    private final BillingProperties billing;
    private final DunningProperties dunning;
    private final ClientQuota clientQuota;
    private final SeatQuota seatQuota;
    private final BillingNotices notices;
    private final Clock clock;

    BillingCycle(@Qualifier("subscriptionRepository") Repository<Subscription> subscriptions, Invoicing invoicing,
                 Charges charges, BillingProperties billing, DunningProperties dunning, ClientQuota clientQuota,
                 SeatQuota seatQuota, BillingNotices notices, Clock clock) {
        this.subscriptions = subscriptions;
        this.invoicing = invoicing;
        this.charges = charges;
        this.billing = billing;
        this.dunning = dunning;
        this.clientQuota = clientQuota;
        this.seatQuota = seatQuota;
        this.notices = notices;
        this.clock = clock;
    }

    /** What a plan change does and costs now. */
    record Preview(String effective, Instant effectiveAt, List<InvoiceLine> lines, long totalCents, String currency) {
    }

    /** How paying an open invoice went. */
    record Payment(boolean paid, String failure) {
    }

    /** @return whether a step ran (a test clock runs steps until none is due) */
    @CommandHandler
    boolean handle(RunBillingStep command) {
        Aggregate<Subscription> aggregate = subscriptions.load(command.subscriptionId().toString());
        Subscription subscription = aggregate.invoke(s -> s);
        Instant wall = clock.instant();
        if (!handleDue(aggregate, subscription, wall, command.dueAt())) {
            aggregate.execute(s -> s.scheduleNext(wall));
            return false;
        }
        aggregate.execute(s -> s.scheduleNext(wall));
        return true;
    }

    /** Runs the step due now, if any; answers whether one ran. */
    private boolean handleDue(Aggregate<Subscription> aggregate, Subscription subscription, Instant wall,
                              Instant deadlineDueAt) {
        Instant now = subscription.billingNow(wall);
        if (deadlineDueAt != null && deadlineDueAt.isAfter(now)) {
            now = deadlineDueAt; // the deadline fired by the scheduler's clock: this instance's may lag it
        }
        Subscription.Due due = subscription.dueAt(now);
        switch (due.step()) {
            case "trial-end" -> {
                aggregate.execute(s -> s.endTrial(due.at()));
                startPaidPeriod(aggregate, subscription, due.at(), "first", false);
            }
            case "renewal" -> startPaidPeriod(aggregate, subscription, due.at(), "renewal", false);
            case "retry" -> charge(aggregate, subscription, subscription.openInvoiceId(), due.at(), true);
            case "cancellation" -> {
                String reason = subscription.status() == Status.SUSPENDED ? "unpaid" : "requested";
                aggregate.execute(s -> s.cancel(reason, due.at()));
                notices.canceled(subscription, reason);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    @CommandHandler
    Instant handle(AdvanceBillingClock command) {
        Aggregate<Subscription> aggregate = subscriptions.load(command.subscriptionId().toString());
        Instant wall = clock.instant();
        aggregate.execute(s -> s.advanceClock(command.by(), wall));
        return aggregate.invoke(s -> s.billingNow(wall));
    }

    /**
     * A trial changes plan at once, for nothing. A paid period's upgrade changes at once and is invoiced and charged
     * now, prorated to the second; a downgrade waits for the period's end, and is refused while the agency uses more
     * clients or seats than the plan allows. Choosing the current plan again withdraws a pending downgrade.
     */
    @CommandHandler
    void handle(ChangePlan command) {
        Aggregate<Subscription> aggregate = owned(command.subscriptionId(), command.agencyId());
        Subscription subscription = aggregate.invoke(s -> s);
        Instant wall = clock.instant();
        fromProvider(() -> catchUp(aggregate, subscription, wall)); // an overdue renewal first: it sets the period
        Instant now = subscription.billingNow(wall);
        BillingProperties.Plan terms = command.terms();
        if (subscription.plan().equals(command.plan())) {
            if (subscription.pendingPlan() == null) {
                throw SubscriptionRejection.SAME_PLAN.get();
            }
            aggregate.execute(s -> s.dropPendingPlan("withdrawn"));
            return;
        }
        requireChangeable(subscription);
        if (subscription.status() == Status.TRIALING) {
            aggregate.execute(s -> s.changePlanNow(command.plan(), terms, now));
        } else if (terms.monthlyPriceCents() > subscription.monthlyPriceCents()) {
            List<InvoiceLine> lines = upgradeLines(subscription, command.plan(), terms, now);
            // named by what it is, so a retried request (after a timeout) replays the same charge instead of a second
            UUID invoice = Invoicing.invoiceId(subscription.subscriptionId(), "upgrade:" + subscription.plan() + ":"
                    + command.plan() + ":" + subscription.periodStart());
            aggregate.execute(s -> s.changePlanNow(command.plan(), terms, now));
            fromProvider(() -> issueAndCharge(aggregate, subscription, invoice, "upgrade", lines, now, now,
                    subscription.periodEnd(), false));
        } else {
            requireFits(subscription.agencyId(), terms);
            aggregate.execute(s -> s.scheduleDowngrade(command.plan()));
        }
        aggregate.execute(s -> s.scheduleNext(wall));
    }

    @CommandHandler
    Preview handle(PreviewPlanChange command) {
        Subscription subscription = owned(command.subscriptionId(), command.agencyId()).invoke(s -> s);
        Instant now = subscription.billingNow(clock.instant());
        BillingProperties.Plan terms = command.terms();
        if (subscription.plan().equals(command.plan()) && subscription.pendingPlan() == null) {
            throw SubscriptionRejection.SAME_PLAN.get();
        }
        requireChangeable(subscription);
        if (subscription.status() == Status.TRIALING) {
            return new Preview("now", now, List.of(), 0, terms.currency());
        }
        if (terms.monthlyPriceCents() <= subscription.monthlyPriceCents()) {
            requireFits(subscription.agencyId(), terms);
            return new Preview("period_end", subscription.periodEnd(), List.of(), 0, subscription.currency());
        }
        Invoicing.Totals totals = invoicing.totals(subscription,
                upgradeLines(subscription, command.plan(), terms, now));
        List<InvoiceLine> lines = new ArrayList<>(totals.lines());
        if (totals.taxCents() != 0 || totals.tax().reverseCharge()) {
            lines.add(new InvoiceLine(totals.tax().reverseCharge() ? "VAT (reverse charge)"
                    : "VAT " + Money.percent(totals.tax().rateBasisPoints()), totals.taxCents()));
        }
        return new Preview("now", now, lines, totals.totalCents(), subscription.currency());
    }

    @CommandHandler
    void handle(CancelSubscription command) {
        Aggregate<Subscription> aggregate = owned(command.subscriptionId(), command.agencyId());
        Subscription subscription = aggregate.invoke(s -> s);
        if (subscription.status() != Status.TRIALING && subscription.status() != Status.ACTIVE) {
            throw SubscriptionRejection.NOT_CANCELABLE.get();
        }
        if (subscription.nextDue().step().equals("cancellation")) {
            return; // already
        }
        Instant wall = clock.instant();
        aggregate.execute(s -> s.scheduleCancellation(s.billingNow(wall)));
        aggregate.execute(s -> s.scheduleNext(wall));
    }

    /** Takes back a scheduled cancellation; a canceled subscription starts again with a paid period from now. */
    @CommandHandler
    void handle(ResumeSubscription command) {
        Aggregate<Subscription> aggregate = owned(command.subscriptionId(), command.agencyId());
        Subscription subscription = aggregate.invoke(s -> s);
        Instant wall = clock.instant();
        if (subscription.status() == Status.CANCELED) {
            if (subscription.openInvoiceId() != null) {
                throw SubscriptionRejection.PAY_FIRST.get();
            }
            Instant now = subscription.billingNow(wall);
            fromProvider(() -> startPaidPeriod(aggregate, subscription, now, "restart:" + subscription.canceledAt(),
                    true));
        } else if (subscription.nextDue().step().equals("cancellation")
                && subscription.status() != Status.SUSPENDED) {
            aggregate.execute(Subscription::withdrawCancellation);
        } else {
            throw SubscriptionRejection.NOTHING_TO_RESUME.get();
        }
        aggregate.execute(s -> s.scheduleNext(wall));
    }

    /**
     * The trial ends now and the first paid period starts, charged at once: a declined card answers 402 and nothing
     * changes (the trial goes on). Needs a saved card; a scheduled cancellation is withdrawn first by resuming.
     */
    @CommandHandler
    void handle(EndTrialNow command) {
        Aggregate<Subscription> aggregate = owned(command.subscriptionId(), command.agencyId());
        Subscription subscription = aggregate.invoke(s -> s);
        if (subscription.status() != Status.TRIALING) {
            throw SubscriptionRejection.NOT_TRIALING.get();
        }
        if (subscription.cancelAtPeriodEnd()) {
            throw SubscriptionRejection.CANCEL_SCHEDULED.get();
        }
        if (subscription.paymentMethodId() == null) {
            throw SubscriptionRejection.NO_CARD.get();
        }
        Instant wall = clock.instant();
        Instant now = subscription.billingNow(wall);
        aggregate.execute(s -> s.endTrial(now));
        fromProvider(() -> startPaidPeriod(aggregate, subscription, now, "first", true));
        aggregate.execute(s -> s.scheduleNext(wall));
    }

    /** The owner's "pay now": one attempt with the saved card, outside the retry schedule. */
    @CommandHandler
    Payment handle(PayInvoice command) {
        Aggregate<Subscription> aggregate = owned(command.subscriptionId(), command.agencyId());
        Subscription subscription = aggregate.invoke(s -> s);
        Subscription.InvoiceState invoice = subscription.invoice(command.invoiceId());
        if (invoice == null) {
            throw SubscriptionRejection.INVOICE_NOT_FOUND.get();
        }
        if (invoice.paid()) {
            throw SubscriptionRejection.INVOICE_PAID.get();
        }
        if (subscription.paymentMethodId() == null) {
            throw SubscriptionRejection.NO_CARD.get();
        }
        Instant wall = clock.instant();
        Charges.Outcome outcome = fromProvider(() -> charge(aggregate, subscription, command.invoiceId(),
                subscription.billingNow(wall), false));
        aggregate.execute(s -> s.scheduleNext(wall));
        return new Payment(outcome.paid(), outcome.paid() ? null : outcome.failureMessage());
    }

    /** @param mustPay a failed charge refuses the command (402) instead of going past due */
    private void startPaidPeriod(Aggregate<Subscription> aggregate, Subscription subscription, Instant start,
                                 String purpose, boolean mustPay) {
        String pending = subscription.pendingPlan();
        if (pending != null) {
            BillingProperties.Plan terms = billing.plans().get(pending);
            if (terms != null && fits(subscription.agencyId(), terms)) {
                aggregate.execute(s -> s.changePlanNow(pending, terms, start));
            } else {
                aggregate.execute(s -> s.dropPendingPlan(terms == null ? "withdrawn" : "outgrown"));
            }
        }
        aggregate.execute(s -> s.startPeriod(start));
        Instant end = subscription.periodEnd();
        String name = planName(subscription.plan());
        List<InvoiceLine> lines = List.of(new InvoiceLine(name + " plan, " + DAY.format(start) + " – "
                + DAY.format(end), subscription.monthlyPriceCents()));
        UUID invoice = Invoicing.invoiceId(subscription.subscriptionId(), purpose + ":" + start);
        issueAndCharge(aggregate, subscription, invoice, purpose.startsWith("restart") ? "renewal" : purpose, lines,
                start, start, end, mustPay);
    }

    private void issueAndCharge(Aggregate<Subscription> aggregate, Subscription subscription, UUID invoiceId,
                                String kind, List<InvoiceLine> lines, Instant at, Instant periodStart,
                                Instant periodEnd, boolean mustPay) {
        long total = invoicing.totals(subscription, lines).totalCents();
        Charges.Outcome outcome = charges.charge(subscription, invoiceId, total, 1);
        if (mustPay && !outcome.paid()) { // the command rolls back with everything it applied
            throw new ProblemException(HttpStatus.PAYMENT_REQUIRED, "payment-declined", "Payment declined",
                    outcome.failureMessage() == null ? "The payment did not go through." : outcome.failureMessage());
        }
        aggregate.execute(s -> s.issue(invoicing.issue(s, invoiceId, kind, lines, at, periodStart, periodEnd)));
        settle(aggregate, subscription, invoiceId, outcome, at, true);
    }

    /** The agency's subscription; another agency's is not found. */
    private Aggregate<Subscription> owned(UUID subscriptionId, UUID agencyId) {
        Aggregate<Subscription> aggregate = subscriptions.load(subscriptionId.toString());
        aggregate.invoke(s -> s).requireAgency(agencyId);
        return aggregate;
    }

    /** Runs whatever the billing clock has reached before a change that depends on the current period. */
    private void catchUp(Aggregate<Subscription> aggregate, Subscription subscription, Instant wall) {
        for (int i = 0; i < 24 && !subscription.dueAt(subscription.billingNow(wall)).step().equals("none"); i++) {
            handleDue(aggregate, subscription, wall, null);
        }
    }

    /** A provider that cannot be reached, in a request: 502, nothing written. */
    private static <T> T fromProvider(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (StripeApi.ProviderException e) {
            throw new ProblemException(HttpStatus.BAD_GATEWAY, "payment-provider", "Payment provider unavailable",
                    "The payment provider did not answer as expected; nothing was charged or changed. Try again.");
        }
    }

    private static void fromProvider(Runnable call) {
        fromProvider(() -> {
            call.run();
            return null;
        });
    }

    private Charges.Outcome charge(Aggregate<Subscription> aggregate, Subscription subscription, UUID invoiceId,
                                   Instant at, boolean scheduled) {
        Subscription.InvoiceState invoice = subscription.invoice(invoiceId);
        Charges.Outcome outcome = charges.charge(subscription, invoiceId, invoice.totalCents(),
                invoice.attempts() + 1);
        settle(aggregate, subscription, invoiceId, outcome, at, scheduled);
        return outcome;
    }

    private void settle(Aggregate<Subscription> aggregate, Subscription subscription, UUID invoiceId,
                        Charges.Outcome outcome, Instant at, boolean scheduled) {
        Status before = subscription.status();
        if (outcome.paid()) {
            aggregate.execute(s -> s.paid(invoiceId, outcome.paymentIntentId(), at));
            if (before == Status.PAST_DUE || before == Status.SUSPENDED) {
                notices.reactivated(subscription);
            }
        } else {
            aggregate.execute(s -> s.paymentFailed(invoiceId, outcome.failureCode(), outcome.failureMessage(), at,
                    scheduled, dunning.retries(), dunning.grace()));
            if (subscription.status() == Status.SUSPENDED && before != Status.SUSPENDED) {
                notices.suspended(subscription);
            } else {
                notices.paymentFailed(subscription, invoiceId, outcome.failureMessage());
            }
        }
    }

    private List<InvoiceLine> upgradeLines(Subscription subscription, String plan, BillingProperties.Plan terms,
                                           Instant now) {
        return Proration.lines(planName(subscription.plan()), subscription.monthlyPriceCents(), terms.name(),
                terms.monthlyPriceCents(), subscription.periodStart(), subscription.periodEnd(), now);
    }

    private void requireChangeable(Subscription subscription) {
        if (subscription.cancelAtPeriodEnd()) {
            throw SubscriptionRejection.CANCEL_SCHEDULED.get();
        }
        switch (subscription.status()) {
            case PAST_DUE, SUSPENDED -> throw SubscriptionRejection.PAY_FIRST.get();
            case CANCELED -> throw SubscriptionRejection.CANCELED.get();
            default -> {
            }
        }
    }

    private void requireFits(UUID agencyId, BillingProperties.Plan terms) {
        if (!clientQuota.fits(agencyId, terms.clientLimit())) {
            throw ClientRejection.TOO_MANY_FOR_PLAN.get();
        }
        if (!seatQuota.fits(agencyId, terms.seatLimit())) {
            throw TeamRejection.TOO_MANY_FOR_PLAN.get();
        }
    }

    private boolean fits(UUID agencyId, BillingProperties.Plan terms) {
        return clientQuota.fits(agencyId, terms.clientLimit()) && seatQuota.fits(agencyId, terms.seatLimit());
    }

    private String planName(String key) {
        BillingProperties.Plan terms = billing.plans().get(key);
        return terms == null ? key : terms.name();
    }
}
