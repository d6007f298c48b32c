package com.webprometrics.query.billing;

import com.webprometrics.platform.domain.DomainException;
import com.webprometrics.platform.security.CurrentUser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The caller's agency's subscription: plan, status, period, limits and how much of them is used, what happens next
 * and where dunning stands. {@code billingNow} is the agency's billing clock (the wall clock plus what a test clock
 * moved it forward); {@code nextStepAt}, {@code cancelsAt} and the period are on that clock.
 */
@RestController
class SubscriptionQueryController {
    private final JdbcTemplate jdbc;
    private final Clock clock;

    SubscriptionQueryController(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record PaymentMethod(String brand, String last4, int expMonth, int expYear) {
    }

    record Current(String plan, String status, Instant trialEndsAt, Instant currentPeriodStart,
                   Instant currentPeriodEnd, boolean cancelAtPeriodEnd, String pendingPlan, long monthlyPriceCents,
                   String currency, int clientLimit, int clientsUsed, int seatLimit, int seatsUsed,
                   PaymentMethod paymentMethod, UUID openInvoiceId, String nextStep, Instant nextStepAt,
                   Instant pastDueSince, Instant suspendedAt, Instant cancelsAt, Instant canceledAt,
                   Instant billingNow, UUID subscriptionId) {
    }

    @GetMapping("/api/subscriptions/current")
    Current current(CurrentUser user) {
        List<Current> rows = jdbc.query("""
                SELECT s.plan, s.status, s.trial_ends_at, s.current_period_start, s.current_period_end,
                       s.cancel_at_period_end, s.pending_plan, s.monthly_price_cents, s.currency, s.client_limit,
                       (SELECT count(*) FROM query.clients_view c WHERE c.agency_id = s.agency_id AND c.status = 'active'),
                       s.seat_limit,
                       (SELECT count(*) FROM query.users_view u WHERE u.agency_id = s.agency_id AND u.status = 'active'),
                       s.card_brand, s.card_last4, s.card_exp_month, s.card_exp_year, s.open_invoice_id, s.next_step,
                       s.next_step_at, s.past_due_since, s.suspended_at, s.cancels_at, s.canceled_at,
                       s.billing_now_offset_seconds, s.subscription_id
                FROM query.subscriptions_view s WHERE s.agency_id = ?""",
                (rs, n) -> new Current(rs.getString(1), rs.getString(2), instant(rs.getTimestamp(3)),
                        instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)), rs.getBoolean(6), rs.getString(7),
                        rs.getLong(8), rs.getString(9), rs.getInt(10), rs.getInt(11), rs.getInt(12), rs.getInt(13),
                        rs.getString(15) == null ? null
                                : new PaymentMethod(rs.getString(14), rs.getString(15), rs.getInt(16), rs.getInt(17)),
                        rs.getObject(18, UUID.class), rs.getString(19), instant(rs.getTimestamp(20)),
                        instant(rs.getTimestamp(21)), instant(rs.getTimestamp(22)), instant(rs.getTimestamp(23)),
                        instant(rs.getTimestamp(24)), clock.instant().plusSeconds(rs.getLong(25)),
                        rs.getObject(26, UUID.class)),
                user.agencyId());
        if (rows.isEmpty()) {
            throw DomainException.notFound("The subscription");
        }
        return rows.get(0);
    }

    record BillingDetails(String legalName, List<String> addressLines, String postalCode, String city, String country,
                          String vatId, String billingEmail) {
    }

    /** Every field null (and no address lines) until an owner or admin enters them. */
    @GetMapping("/api/subscriptions/billing-details")
    BillingDetails billingDetails(CurrentUser user) {
        List<BillingDetails> rows = jdbc.query("""
                SELECT legal_name, address_lines, postal_code, city, country, vat_id, billing_email
                FROM query.subscriptions_view WHERE agency_id = ?""",
                (rs, n) -> {
                    java.sql.Array lines = rs.getArray(2);
                    return new BillingDetails(rs.getString(1),
                            lines == null ? List.of() : List.of((String[]) lines.getArray()), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7));
                },
                user.agencyId());
        if (rows.isEmpty()) {
            throw DomainException.notFound("The subscription");
        }
        return rows.get(0);
    }

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
