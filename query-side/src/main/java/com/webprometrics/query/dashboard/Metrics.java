package com.webprometrics.query.dashboard;

import com.webprometrics.events.catalogue.DerivedMetric;
import com.webprometrics.events.catalogue.Metric;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Shows the shared vocabulary ({@link Metric}, {@link DerivedMetric}): which metrics a set of sums can
 * show, in display order, and their values. Derived metrics always come from sums of their inputs.
 */
final class Metrics {
    private Metrics() {
    }

    /** numerator / denominator, or null when either is missing or the denominator is zero. */
    static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        if (numerator == null || denominator == null || denominator.signum() == 0) {
            return null;
        }
        return numerator.divide(denominator, DerivedMetric.SCALE, RoundingMode.HALF_UP);
    }

    /** The change from previous to value in percent (2 decimals), or null when previous is missing or zero. */
    static BigDecimal changePct(BigDecimal value, BigDecimal previous) {
        if (value == null || previous == null || previous.signum() == 0) {
            return null;
        }
        return value.subtract(previous).multiply(BigDecimal.valueOf(100)).divide(previous.abs(), 2, RoundingMode.HALF_UP);
    }

    /**
     * The metrics to show, in display order: visible base metrics, unknown summed ones, then the derived
     * metrics whose inputs are both present.
     */
    static List<String> order(Set<String> summed) {
        List<String> keys = new ArrayList<>();
        for (Metric base : Metric.ALL) {
            if (summed.contains(base.key()) && !base.hidden()) {
                keys.add(base.key());
            }
        }
        Set<String> extra = null; // keys outside the vocabulary, e.g. recorded by a newer command side
        for (String key : summed) {
            if (!Metric.isBase(key)) {
                (extra == null ? extra = new TreeSet<>() : extra).add(key);
            }
        }
        if (extra != null) {
            keys.addAll(extra);
        }
        for (DerivedMetric d : DerivedMetric.ALL) {
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
        BigDecimal summed = sums.get(key);
        if (summed != null) {
            return summed;
        }
        DerivedMetric derived = DerivedMetric.find(key).orElse(null);
        return derived == null ? null : derived.of(sums);
    }

    /** Keys that are never summed when reading (ratios stored by mistake would be meaningless sums). */
    static List<String> derivedKeys() {
        return DerivedMetric.ALL.stream().map(DerivedMetric::key).toList();
    }
}
