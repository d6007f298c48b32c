package com.webprometrics.query.billing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An invoice as the billing page lists it. */
record InvoiceSummary(UUID id, String number, Instant issuedAt, String status, String kind, long totalCents,
                      long taxCents, String currency, Instant periodStart, Instant periodEnd) {

    /** A page of invoices, newest first; {@code next} is the {@code after} of the following page, null on the last. */
    record Page(List<InvoiceSummary> items, String next) {
    }
}
