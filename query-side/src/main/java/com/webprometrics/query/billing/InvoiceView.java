package com.webprometrics.query.billing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One invoice with everything printed on it and where its payment stands (amounts in minor units of currency). */
record InvoiceView(UUID id, String number, long sequence, String kind, String status, Instant issuedAt,
                   Instant periodStart, Instant periodEnd, String plan, String currency, List<Line> lines,
                   long subtotalCents, int taxRateBasisPoints, long taxCents, long totalCents, boolean reverseCharge,
                   String taxNote, Party seller, Party buyer, Instant paidAt, String paymentIntentId, int attempts,
                   String lastFailure, Instant nextRetryAt, long refundedCents, boolean disputed) {

    /** A credit for unused time on an old plan is negative. */
    record Line(String description, long amountCents) {
    }

    /** The issuer or the buyer as on the day of issue; country is ISO 3166-1 alpha-2. */
    record Party(String name, List<String> addressLines, String postalCode, String city, String country, String vatId,
                 String email) {
    }
}
