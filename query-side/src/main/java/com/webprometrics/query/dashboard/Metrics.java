package com.webprometrics.query.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The metric vocabulary. Base metrics are sums; derived metrics are always computed from sums of their
 * inputs (never an average of daily ratios), and are null when the denominator is zero or missing.
 */
final class Metrics {
    static final List<String> BASE = List.of("sessions", "users", "conversions", "revenue", "impressions", "clicks", "cost");

    record Derived(String key, String numerator, String denominator) {
    }

    static final List<Derived> DERIVED = List.of(
            new Derived("ctr", "clicks", "impressions"),
            new Derived("cpc", "cost", "clicks"),
            new Derived("roas", "revenue", "cost"),
            new Derived("conversion_rate", "conversions", "sessions"));

    /** Stored rows under these keys are ignored when reading: ratios cannot be summed. */
    static final List<String> DERIVED_KEYS = DERIVED.stream().map(Derived::key).toList();

    static final int RATIO_SCALE = 6;

    private Metrics() {
    }

    /** numerator / denominator, or null when either is missing or the denominator is zero. */
    static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        if (numerator == null || denominator == null || denominator.signum() == 0) {
            return null;
        }
        return numerator.divide(denominator, RATIO_SCALE, RoundingMode.HALF_UP);
    }

    /** The change from previous to value in percent (2 decimals), or null when previous is missing or zero. */
    static BigDecimal changePct(BigDecimal value, BigDecimal previous) {
        if (value == null || previous == null || previous.signum() == 0) {
            return null;
        }
        return value.subtract(previous).multiply(BigDecimal.valueOf(100)).divide(previous.abs(), 2, RoundingMode.HALF_UP);
    }

    /** The metrics to show, in display order: base metrics, other summed metrics, then derivable ratios. */
    static List<String> order(Set<String> summed) {
        List<String> keys = new ArrayList<>();
        for (String base : BASE) {
            if (summed.contains(base)) {
                keys.add(base);
            }
        }
        Set<String> extra = new TreeSet<>(summed);
        BASE.forEach(extra::remove);
        keys.addAll(extra);
        for (Derived d : DERIVED) {
            if (summed.contains(d.numerator()) && summed.contains(d.denominator())) {
                keys.add(d.key());
            }
        }
        return keys;
    }

    /** Sums plus the ratios derivable from them (only when both inputs are present). */
    static Map<String, BigDecimal> withDerived(Map<String, BigDecimal> sums) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (String key : order(sums.keySet())) {
            values.put(key, value(sums, key));
        }
        return values;
    }

    /** A summed metric's value, or a derived one computed from the sums. */
    static BigDecimal value(Map<String, BigDecimal> sums, String key) {
        for (Derived d : DERIVED) {
            if (d.key().equals(key)) {
                return ratio(sums.get(d.numerator()), sums.get(d.denominator()));
            }
        }
        return sums.get(key);
    }
}
