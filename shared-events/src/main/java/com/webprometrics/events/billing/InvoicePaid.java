package com.webprometrics.events.billing;

import java.time.Instant;
import java.util.UUID;

/** The invoice's total was collected ({@code paymentIntentId} null for an invoice of nothing to pay). */
public record InvoicePaid(UUID subscriptionId, UUID agencyId, UUID invoiceId, String paymentIntentId,
                          long amountCents, Instant paidAt) {
}
