package com.webprometrics.query.billing;

import com.webprometrics.query.privacy.Erasures;
import com.webprometrics.events.privacy.PersonalDataErased;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webprometrics.events.billing.InvoiceDisputed;
import com.webprometrics.events.billing.InvoiceIssued;
import com.webprometrics.events.billing.InvoicePaid;
import com.webprometrics.events.billing.InvoicePaymentFailed;
import com.webprometrics.events.billing.InvoiceRefunded;
import com.webprometrics.query.infra.BatchedWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * {@code query.invoices_view}: every invoice as issued (lines and parties as JSONB, exactly as printed) and the fate of
 * its payment: open until paid, the failed attempts before that, refunds and disputes after. In the {@code team}
 * processing group with the subscription whose {@code open_invoice_id} follows these rows.
 */
@Component
@ProcessingGroup("team")
class InvoiceProjection {
    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;
    private final ObjectMapper json;

    InvoiceProjection(JdbcTemplate jdbc, BatchedWrites writes, @Qualifier("defaultAxonObjectMapper") ObjectMapper json) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.json = json;
    }

    @EventHandler
    void on(InvoiceIssued e) {
        writes.update("""
                INSERT INTO query.invoices_view (invoice_id, agency_id, subscription_id, number, sequence, kind, status,
                    issued_at, period_start, period_end, plan, currency, subtotal_cents, tax_rate_basis_points, tax_cents,
                    total_cents, reverse_charge, tax_note, lines, seller, buyer)
                VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb)
                ON CONFLICT (invoice_id) DO NOTHING""",
                e.invoiceId(), e.agencyId(), e.subscriptionId(), e.number(), e.sequence(), e.kind(),
                timestamp(e.issuedAt()), timestamp(e.periodStart()), timestamp(e.periodEnd()), e.plan(), e.currency(),
                e.subtotalCents(), e.taxRateBasisPoints(), e.taxCents(), e.totalCents(), e.reverseCharge(),
                e.taxNote(), write(e.lines()), write(e.seller()), write(e.buyer()));
    }

    @EventHandler
    void on(InvoicePaid e) {
        writes.update("""
                UPDATE query.invoices_view SET status = 'paid', paid_at = ?, payment_intent_id = ?, next_retry_at = NULL
                WHERE invoice_id = ?""", timestamp(e.paidAt()), e.paymentIntentId(), e.invoiceId());
    }

    @EventHandler
    void on(InvoicePaymentFailed e) {
        String failure = e.failureMessage() == null || e.failureMessage().isBlank() ? e.failureCode() : e.failureMessage();
        writes.update("""
                UPDATE query.invoices_view SET attempts = GREATEST(attempts, ?), last_failure = ?, next_retry_at = ?
                WHERE invoice_id = ?""", e.attempt(), failure, timestamp(e.nextRetryAt()), e.invoiceId());
    }

    @EventHandler
    void on(InvoiceRefunded e) {
        writes.update("UPDATE query.invoices_view SET refunded_cents = ? WHERE invoice_id = ?", e.amountRefundedCents(),
                e.invoiceId());
    }

    @EventHandler
    void on(InvoiceDisputed e) {
        writes.update("UPDATE query.invoices_view SET disputed = TRUE WHERE invoice_id = ?", e.invoiceId());
    }

    @EventHandler
    void on(PersonalDataErased e) {
        for (java.util.UUID agency : Erasures.ids(e, "agency")) {
            writes.update("UPDATE query.invoices_view SET buyer = jsonb_set(buyer, '{email}', to_jsonb(?::text)) "
                    + "WHERE agency_id = ? AND jsonb_exists(buyer, 'email')", Erasures.ERASED, agency);
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE query.invoices_view");
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An invoice's lines or parties could not be written as JSON", e);
        }
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
