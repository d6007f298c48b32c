package com.webprometrics.command.billing;

import com.webprometrics.events.billing.InvoiceLine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What an upgrade in the middle of a paid period costs, to the second: a credit for the old plan's unused time and a
 * charge for the new plan's rest of the period, each rounded half up to the minor unit on its own (as the invoice
 * shows them), so the lines always add up to the total.
 */
public final class Proration {

    private Proration() {
    }

    public static List<InvoiceLine> lines(String oldPlan, long oldPriceCents, String newPlan, long newPriceCents,
                                   Instant periodStart, Instant periodEnd, Instant at) {
        if (!periodEnd.isAfter(periodStart)) {
            throw new IllegalArgumentException("a period ends after it starts");
        }
        long period = Duration.between(periodStart, periodEnd).toSeconds();
        long unused = Math.max(0, Math.min(period, Duration.between(at, periodEnd).toSeconds()));
        if (unused == 0) {
            return List.of();
        }
        return List.of(
                new InvoiceLine("Unused time on " + oldPlan, -share(oldPriceCents, unused, period)),
                new InvoiceLine("Remaining time on " + newPlan, share(newPriceCents, unused, period)));
    }

    /** {@code price × part / whole}, rounded half up, without floating point. */
    static long share(long priceCents, long part, long whole) {
        return Math.addExact(Math.multiplyExact(Math.multiplyExact(priceCents, part), 2L), whole) / (2L * whole);
    }

    public static long total(List<InvoiceLine> lines) {
        return lines.stream().mapToLong(InvoiceLine::amountCents).sum();
    }
}
