package com.webprometrics.events.billing;

import java.time.Instant;
import java.util.UUID;

/** The cardholder disputed a paid invoice's charge with their bank ({@code reason} as the provider reported it). */
public record InvoiceDisputed(UUID subscriptionId, UUID agencyId, UUID invoiceId, String disputeId, String reason,
                              long amountCents, Instant disputedAt) {
}
