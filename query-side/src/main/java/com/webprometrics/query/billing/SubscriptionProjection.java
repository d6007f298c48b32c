package com.webprometrics.query.billing;

import com.webprometrics.events.billing.BillingDetailsChanged;
import com.webprometrics.events.billing.PaymentMethodSaved;
import com.webprometrics.events.billing.PlanChanged;
import com.webprometrics.events.billing.TrialStarted;
import com.webprometrics.query.infra.BatchedWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * {@code query.subscriptions_view}: each agency's plan, status, limits and period. In the {@code team} processing
 * group with the agencies it belongs to: every processor is one more reader of the event store.
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
                    currency = ? WHERE agency_id = ?""",
                e.toPlan(), e.clientLimit(), e.seatLimit(), e.monthlyPriceCents(), e.currency(), e.agencyId());
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

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE query.subscriptions_view");
    }
}
