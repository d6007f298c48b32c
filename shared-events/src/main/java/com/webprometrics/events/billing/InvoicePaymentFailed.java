package com.webprometrics.events.billing;

import java.time.Instant;
import java.util.UUID;

/**
 * Attempt {@code attempt} to charge the invoice failed ({@code failureCode} as the provider said it, or
 * {@code no_payment_method}); the subscription is past due. {@code nextRetryAt} is when the dunning schedule tries
 * again (billing time), null when no retry is left. A manual attempt ({@code scheduled} false: the owner's "pay now")
 * leaves the schedule as it was.
 */
public record InvoicePaymentFailed(UUID subscriptionId, UUID agencyId, UUID invoiceId, int attempt, boolean scheduled,
                                   String failureCode, String failureMessage, Instant failedAt, Instant nextRetryAt) {
}
