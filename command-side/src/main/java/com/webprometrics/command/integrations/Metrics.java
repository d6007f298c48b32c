package com.webprometrics.command.integrations;

import java.util.Set;

/**
 * The normalized metric vocabulary every provider maps its numbers to. Sums only: ratios (CTR, CPC, ROAS,
 * conversion rate) are derived from these when read. Money is in the sync's currency.
 */
public final class Metrics {
    public static final Set<String> VOCABULARY = Set.of("sessions", "users", "conversions", "revenue",
            "impressions", "clicks", "cost");
    /** Counted things; conversions may be fractional (attribution models split them). */
    public static final Set<String> WHOLE_NUMBERS = Set.of("sessions", "users", "impressions", "clicks");

    private Metrics() {
    }
}
