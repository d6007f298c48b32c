package com.webprometrics.events.billing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An invoice was finalised: {@code number} is the {@code sequence}-th of its issuer's one gapless series
 * ({@code series}), never reused. {@code kind} is {@code first} (the trial ended), {@code renewal} or {@code upgrade}
 * (proration lines). Totals are exact in minor units: {@code subtotal + tax = total}; {@code taxRateBasisPoints} is
 * the buyer country's rate (1900 = 19 %), zero under reverse charge, which {@code taxNote} then states.
 */
public record InvoiceIssued(UUID subscriptionId, UUID agencyId, UUID invoiceId, String series, long sequence,
                            String number, String kind, Instant issuedAt, Instant periodStart, Instant periodEnd,
                            String plan, String currency, List<InvoiceLine> lines, long subtotalCents,
                            int taxRateBasisPoints, long taxCents, long totalCents, boolean reverseCharge,
                            String taxNote, InvoiceParty seller, InvoiceParty buyer) {
}
