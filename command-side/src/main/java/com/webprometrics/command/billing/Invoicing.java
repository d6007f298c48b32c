package com.webprometrics.command.billing;

import com.webprometrics.events.billing.InvoiceIssued;
import com.webprometrics.events.billing.InvoiceLine;
import com.webprometrics.events.billing.InvoiceParty;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Finalises invoices: lines, the buyer's VAT, the parties as they are today, and the next number of the series.
 * The number is taken last — it locks the series until the command commits.
 */
@Component
class Invoicing {
    static final String CREDIT_NOTE = "credit-note";

    private final InvoicingProperties properties;
    private final InvoiceSeriesTable series;

    Invoicing(InvoicingProperties properties, InvoiceSeriesTable series) {
        this.properties = properties;
        this.series = series;
    }

    /** A draft's figures, before it has a number: what a preview shows. */
    record Totals(List<InvoiceLine> lines, long subtotalCents, Tax tax, long taxCents, long totalCents) {
    }

    Totals totals(Subscription subscription, List<InvoiceLine> lines) {
        BillingDetails buyer = subscription.billingDetails();
        Tax tax = Tax.of(buyer == null ? null : buyer.country(), buyer == null ? null : buyer.vatId(),
                properties.issuer().country(), properties.taxRates());
        long subtotal = lines.stream().mapToLong(InvoiceLine::amountCents).sum();
        long taxCents = tax.on(Math.max(0, subtotal));
        return new Totals(List.copyOf(lines), subtotal, tax, taxCents, subtotal + taxCents);
    }

    InvoiceIssued issue(Subscription subscription, UUID invoiceId, String kind, List<InvoiceLine> lines,
                        Instant issuedAt, Instant periodStart, Instant periodEnd) {
        Totals totals = totals(subscription, lines);
        long sequence = series.next(properties.series());
        return new InvoiceIssued(subscription.subscriptionId(), subscription.agencyId(), invoiceId,
                properties.series(), sequence, String.format("%s-%06d", properties.series(), sequence), kind,
                issuedAt, periodStart, periodEnd, subscription.plan(), subscription.currency(), totals.lines(),
                totals.subtotalCents(), totals.tax().rateBasisPoints(), totals.taxCents(), totals.totalCents(),
                totals.tax().reverseCharge(), totals.tax().note(), properties.issuer().party(), buyer(subscription));
    }

    /**
     * A credit note for {@code refundedCents} of a paid invoice: the one way an issued invoice is corrected. Numbered in
     * the same series; its amounts are negative, split into net and VAT at the invoice's own rate (the refund is
     * gross).
     */
    InvoiceIssued creditNote(Subscription subscription, UUID creditNoteId, UUID invoiceId, long refundedCents,
                             Instant issuedAt) {
        Subscription.InvoiceState invoice = subscription.invoice(invoiceId);
        long net = (refundedCents * 20_000L + (10_000L + invoice.taxRateBasisPoints()))
                / (2L * (10_000L + invoice.taxRateBasisPoints()));
        long tax = refundedCents - net;
        String note = "Corrects invoice " + invoice.number() + "."
                + (invoice.taxNote() == null ? "" : " " + invoice.taxNote());
        long sequence = series.next(properties.series());
        return new InvoiceIssued(subscription.subscriptionId(), subscription.agencyId(), creditNoteId,
                properties.series(), sequence, String.format("%s-%06d", properties.series(), sequence), CREDIT_NOTE,
                issuedAt, issuedAt, issuedAt, subscription.plan(), subscription.currency(),
                List.of(new InvoiceLine("Refund of invoice " + invoice.number(), -net)), -net,
                invoice.taxRateBasisPoints(), -tax, -refundedCents, invoice.reverseCharge(), note,
                properties.issuer().party(), buyer(subscription));
    }

    /** Names an invoice after what it is for, so a retried step or request finalises the same invoice once. */
    static UUID invoiceId(UUID subscriptionId, String purpose) {
        return UUID.nameUUIDFromBytes(("wpm:invoice:" + subscriptionId + ":" + purpose)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static InvoiceParty buyer(Subscription subscription) {
        BillingDetails d = subscription.billingDetails();
        if (d == null) {
            return new InvoiceParty("Agency " + subscription.agencyId(), List.of(), null, null, null, null, null);
        }
        return new InvoiceParty(d.legalName(), d.addressLines(), d.postalCode(), d.city(), d.country(), d.vatId(),
                d.billingEmail());
    }
}
