package com.webprometrics.events.catalogue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A ratio computed from the sums of two base {@link Metric}s over whatever range or grouping is shown:
 * {@code factor × Σnumerator / Σdenominator}. Never an average of daily ratios, never stored. Missing
 * input or a zero denominator gives {@code null} ("n/a"), never 0 or infinity.
 *
 * @param unit {@code ratio} (show as %), {@code money}, {@code multiplier}, {@code seconds} or {@code number}
 */
public record DerivedMetric(String key, String label, String unit, String numerator, String denominator, int factor,
                           boolean lowerIsBetter) {
    public static final int SCALE = 6;

    public static final List<DerivedMetric> ALL = List.of(
            new DerivedMetric("ctr", "CTR", "ratio", "clicks", "impressions", 1, false),
            new DerivedMetric("cpc", "CPC", "money", "cost", "clicks", 1, true),
            new DerivedMetric("cpm", "CPM", "money", "cost", "impressions", 1000, true),
            new DerivedMetric("roas", "ROAS", "multiplier", "revenue", "cost", 1, false),
            new DerivedMetric("cost_per_conversion", "Cost per conversion", "money", "cost", "conversions", 1, true),
            new DerivedMetric("conversion_rate", "Conversion rate", "ratio", "conversions", "sessions", 1, false),
            new DerivedMetric("engagement_rate", "Engagement rate", "ratio", "engaged_sessions", "sessions", 1, false),
            new DerivedMetric("avg_engagement_seconds", "Avg. engagement time", "seconds", "engagement_seconds",
                    "sessions", 1, false),
            new DerivedMetric("average_order_value", "Average order value", "money", "revenue", "transactions", 1,
                    false),
            new DerivedMetric("organic_ctr", "Organic CTR", "ratio", "organic_clicks", "organic_impressions", 1, false),
            new DerivedMetric("position", "Avg. search position", "number", "position_x_impressions",
                    "organic_impressions", 1, true));

    private static final Map<String, DerivedMetric> BY_KEY = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(DerivedMetric::key, Function.identity()));

    public static Optional<DerivedMetric> find(String key) {
        return Optional.ofNullable(key == null ? null : BY_KEY.get(key));
    }

    /** This ratio over the given sums, or null when an input is missing or the denominator is zero. */
    public BigDecimal of(Map<String, BigDecimal> sums) {
        BigDecimal top = sums.get(numerator);
        BigDecimal bottom = sums.get(denominator);
        if (top == null || bottom == null || bottom.signum() == 0) {
            return null;
        }
        return top.multiply(BigDecimal.valueOf(factor)).divide(bottom, SCALE, RoundingMode.HALF_UP);
    }
}
