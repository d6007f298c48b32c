package com.webprometrics.query.billing;

import com.webprometrics.query.privacy.Erasures;
import com.webprometrics.events.privacy.PersonalDataErased;
import com.webprometrics.events.billing.BillingClockAdvanced;
import com.webprometrics.events.billing.BillingDetailsChanged;
import com.webprometrics.events.billing.BillingStepScheduled;
import com.webprometrics.events.billing.CancellationScheduled;
import com.webprometrics.events.billing.CancellationWithdrawn;
import com.webprometrics.events.billing.InvoiceIssued;
import com.webprometrics.events.billing.InvoicePaid;
import com.webprometrics.events.billing.InvoicePaymentFailed;
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
import com.webprometrics.query.infra.BatchedWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * {@code query.subscriptions_view}: each agency's plan, status, limits and period, what is scheduled for it and where
 * dunning stands. In the {@code team} processing group with the agencies it belongs to: every processor is one more
 * reader of the event store. Status: trialing → active ⇄ past_due → suspended → canceled; a period start makes it
 * active whatever it was.
 */
@Component
@ProcessingGroup("team")
class SubscriptionProjection {
    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;

    SubscriptionProjection(JdbcTemplate jdbc, BatchedWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventHandler
    void on(TrialStarted e) {
        writes.update("""
                INSERT INTO query.subscriptions_view (agency_id, subscription_id, plan, status, client_limit, seat_limit,
                    monthly_price_cents, currency, trial_ends_at, current_period_start, current_period_end)
                VALUES (?, ?, ?, 'trialing', ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (agency_id) DO NOTHING""",
                e.agencyId(), e.subscriptionId(), e.plan(), e.clientLimit(), e.seatLimit(), e.monthlyPriceCents(),
                e.currency(), Timestamp.from(e.trialEndsAt()), Timestamp.from(e.startedAt()),
                Timestamp.from(e.trialEndsAt()));
    }

    @EventHandler
    void on(PlanChanged e) {
        writes.update("""
                UPDATE query.subscriptions_view SET plan = ?, client_limit = ?, seat_limit = ?, monthly_price_cents = ?,
                    currency = ?, pending_plan = NULL WHERE agency_id = ?""",
                e.toPlan(), e.clientLimit(), e.seatLimit(), e.monthlyPriceCents(), e.currency(), e.agencyId());
    }

    @EventHandler
    void on(PlanChangeScheduled e) {
        writes.update("UPDATE query.subscriptions_view SET pending_plan = ? WHERE agency_id = ?", e.toPlan(),
                e.agencyId());
    }

    @EventHandler
    void on(ScheduledPlanChangeDropped e) {
        writes.update("UPDATE query.subscriptions_view SET pending_plan = NULL WHERE agency_id = ?", e.agencyId());
    }

    @EventHandler
    void on(TrialEnded e) {
        writes.update("UPDATE query.subscriptions_view SET trial_ends_at = ? WHERE agency_id = ?",
                timestamp(e.endedAt()), e.agencyId());
    }

    @EventHandler
    void on(PeriodStarted e) {
        writes.update("""
                UPDATE query.subscriptions_view SET status = 'active', plan = ?, current_period_start = ?,
                    current_period_end = ?, cancel_at_period_end = FALSE, cancels_at = NULL, past_due_since = NULL,
                    suspended_at = NULL, canceled_at = NULL
                WHERE agency_id = ?""",
                e.plan(), timestamp(e.periodStart()), timestamp(e.periodEnd()), e.agencyId());
    }

    @EventHandler
    void on(CancellationScheduled e) {
        writes.update("""
                UPDATE query.subscriptions_view SET cancel_at_period_end = TRUE, cancels_at = ? WHERE agency_id = ?""",
                timestamp(e.effectiveAt()), e.agencyId());
    }

    @EventHandler
    void on(CancellationWithdrawn e) {
        // a suspended subscription keeps the date it is canceled at for not paying
        writes.update("""
                UPDATE query.subscriptions_view SET cancel_at_period_end = FALSE,
                    cancels_at = CASE WHEN status = 'suspended' THEN cancels_at END
                WHERE agency_id = ?""", e.agencyId());
    }

    @EventHandler
    void on(InvoicePaymentFailed e) {
        // a retry failing while suspended (or after) must not make the subscription look less overdue than it is
        writes.update("""
                UPDATE query.subscriptions_view
                SET status = CASE WHEN status IN ('suspended', 'canceled') THEN status ELSE 'past_due' END,
                    past_due_since = COALESCE(past_due_since, ?)
                WHERE agency_id = ?""", timestamp(e.failedAt()), e.agencyId());
    }

    @EventHandler
    void on(SubscriptionSuspended e) {
        writes.update("""
                UPDATE query.subscriptions_view SET status = 'suspended', suspended_at = ?, cancels_at = ?
                WHERE agency_id = ?""", timestamp(e.suspendedAt()), timestamp(e.cancelsAt()), e.agencyId());
    }

    @EventHandler
    void on(SubscriptionReactivated e) {
        writes.update("""
                UPDATE query.subscriptions_view SET status = 'active', past_due_since = NULL, suspended_at = NULL,
                    cancels_at = CASE WHEN cancel_at_period_end THEN cancels_at END
                WHERE agency_id = ?""", e.agencyId());
    }

    @EventHandler
    void on(SubscriptionCanceled e) {
        writes.update("""
                UPDATE query.subscriptions_view SET status = 'canceled', canceled_at = ?, cancel_at_period_end = FALSE,
                    cancels_at = NULL
                WHERE agency_id = ?""", timestamp(e.canceledAt()), e.agencyId());
    }

    @EventHandler
    void on(InvoiceIssued e) {
        if (!"credit-note".equals(e.kind())) { // settled by the refund it documents: never the one to pay
            writes.update("UPDATE query.subscriptions_view SET open_invoice_id = ? WHERE agency_id = ?", e.invoiceId(),
                    e.agencyId());
        }
    }

    /**
     * Falls back to the newest invoice still open, if another is. Reads invoices_view in the statement itself, so it
     * sees the rows InvoiceProjection queued before it in this batch.
     */
    @EventHandler
    void on(InvoicePaid e) {
        writes.update("""
                UPDATE query.subscriptions_view s SET open_invoice_id = (
                    SELECT i.invoice_id FROM query.invoices_view i
                    WHERE i.agency_id = s.agency_id AND i.status = 'open' AND i.invoice_id <> ?
                    ORDER BY i.issued_at DESC, i.invoice_id DESC LIMIT 1)
                WHERE s.agency_id = ? AND s.open_invoice_id = ?""", e.invoiceId(), e.agencyId(), e.invoiceId());
    }

    @EventHandler
    void on(BillingStepScheduled e) {
        writes.update("UPDATE query.subscriptions_view SET next_step = ?, next_step_at = ? WHERE agency_id = ?",
                e.step(), timestamp(e.dueAt()), e.agencyId());
    }

    @EventHandler
    void on(BillingClockAdvanced e) {
        writes.update("UPDATE query.subscriptions_view SET billing_now_offset_seconds = ? WHERE agency_id = ?",
                e.offset().getSeconds(), e.agencyId());
    }

    @EventHandler
    void on(BillingDetailsChanged e) {
        writes.update("""
                UPDATE query.subscriptions_view SET legal_name = ?, address_lines = ?, postal_code = ?, city = ?,
                    country = ?, vat_id = ?, billing_email = ? WHERE agency_id = ?""",
                e.legalName(), e.addressLines().toArray(String[]::new), e.postalCode(), e.city(), e.country(),
                e.vatId(), e.billingEmail(), e.agencyId());
    }

    @EventHandler
    void on(PaymentMethodSaved e) {
        writes.update("""
                UPDATE query.subscriptions_view SET card_brand = ?, card_last4 = ?, card_exp_month = ?, card_exp_year = ?
                WHERE agency_id = ?""", e.brand(), e.last4(), e.expMonth(), e.expYear(), e.agencyId());
    }

    @EventHandler
    void on(PaymentMethodRemoved e) {
        writes.update("""
                UPDATE query.subscriptions_view SET card_brand = NULL, card_last4 = NULL, card_exp_month = NULL,
                    card_exp_year = NULL
                WHERE agency_id = ?""", e.agencyId());
    }

    @EventHandler
    void on(PersonalDataErased e) {
        for (java.util.UUID agency : Erasures.ids(e, "agency")) {
            writes.update("UPDATE query.subscriptions_view SET billing_email = ? WHERE agency_id = ? "
                    + "AND billing_email IS NOT NULL", Erasures.ERASED, agency);
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE query.subscriptions_view");
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
