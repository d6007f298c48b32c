package com.webprometrics.command.billing;

import java.time.Instant;
import java.time.ZoneOffset;

/** A paid period is one calendar month in UTC, from the instant it starts (Jan 31 → Feb 28, as the provider does). */
final class BillingPeriods {
    private BillingPeriods() {
    }

    static Instant end(Instant start) {
        return start.atZone(ZoneOffset.UTC).plusMonths(1).toInstant();
    }
}
