package com.webprometrics.events.billing;

import java.time.Instant;
import java.util.UUID;

/** The provider reported a refund of a paid invoice's charge; {@code amountRefundedCents} is the running total. */
public record InvoiceRefunded(UUID subscriptionId, UUID agencyId, UUID invoiceId, long amountRefundedCents,
                              Instant refundedAt) {
}
