package com.webprometrics.command.billing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Paid periods are calendar months in UTC counted from the subscription's anchor (its first paid period's start), so
 * an anchor on the 31st renews on Feb 28 and then on Mar 31 again, as the provider's billing anchors do.
 */
final class BillingPeriods {
    private BillingPeriods() {
    }

    /** The end of the period that starts at {@code start}: the first anchor month after it. */
    static Instant end(Instant anchor, Instant start) {
        ZonedDateTime from = anchor.atZone(ZoneOffset.UTC);
        long months = Math.max(0, java.time.temporal.ChronoUnit.MONTHS.between(from, start.atZone(ZoneOffset.UTC)));
        Instant end = from.plusMonths(months).toInstant();
        while (!end.isAfter(start)) {
            end = from.plusMonths(++months).toInstant();
        }
        return end;
    }
}
