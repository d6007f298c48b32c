package com.webprometrics.events.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A base metric of the normalized vocabulary every provider maps its numbers to. Base metrics are daily
 * sums, additive over days and providers; ratios are {@link DerivedMetric}s computed from sums, never
 * stored. Money is in the integration's currency. The vocabulary only grows: a key, once recorded in
 * an event, keeps its meaning forever.
 *
 * @param unit   {@code count}, {@code money}, {@code seconds} or {@code number}
 * @param whole  only whole numbers make sense (a CSV value with decimals is refused)
 * @param hidden an input to a derived metric, not shown on its own
 * @param lowerIsBetter a rise is bad news (cost)
 */
public record Metric(String key, String label, String unit, boolean whole, boolean hidden, boolean lowerIsBetter) {

    /** In display order. Appending is safe; reordering changes only the order dashboards show. */
    public static final List<Metric> ALL = List.of(
            count("sessions", "Sessions"),
            count("users", "Users (daily, summed)"),
            count("new_users", "New users"),
            count("engaged_sessions", "Engaged sessions"),
            count("page_views", "Page views"),
            new Metric("engagement_seconds", "Engagement time", "seconds", false, false, false),
            new Metric("conversions", "Conversions", "count", false, false, false),
            new Metric("revenue", "Revenue", "money", false, false, false),
            count("transactions", "Transactions"),
            count("add_to_carts", "Add-to-carts"),
            count("leads", "Leads"),
            count("calls", "Calls"),
            count("impressions", "Impressions"),
            count("clicks", "Clicks"),
            count("link_clicks", "Link clicks"),
            count("video_views", "Video views"),
            new Metric("cost", "Cost", "money", false, false, true),
            count("organic_impressions", "Organic impressions"),
            count("organic_clicks", "Organic clicks"),
            new Metric("position_x_impressions", "Position × impressions", "number", false, true, false));

    private static final Map<String, Metric> BY_KEY = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(Metric::key, Function.identity()));

    /** The keys of {@link #ALL}, in order. */
    public static final List<String> KEYS = ALL.stream().map(Metric::key).toList();

    /**
     * The largest magnitude a daily value may have: a trillion (of sessions, or of money in any currency) is beyond
     * any real account's day, and keeps a value's micro-units (value × 10⁶) well inside a 64-bit integer.
     */
    public static final BigDecimal MAX_DAILY_VALUE = new BigDecimal("1000000000000");

    /** The first day a metric may be recorded for: no marketing platform we speak has data before it. */
    public static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);

    /** The last day a range may name (dashboards, reports): far enough for any plan, near enough to stay sane. */
    public static final LocalDate LAST_DAY = LocalDate.of(2100, 12, 31);

    /** Why a requested day is out of bounds (for a field error), or null when it is between the two. */
    public static String dayOutOfBounds(LocalDate day) {
        return day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY) ? "must be between " + FIRST_DAY + " and " + LAST_DAY
                : null;
    }

    /** Whether a daily value is within ±{@link #MAX_DAILY_VALUE}. */
    public static boolean inRange(BigDecimal value) {
        return value != null && value.abs().compareTo(MAX_DAILY_VALUE) <= 0;
    }

    public static Optional<Metric> find(String key) {
        return Optional.ofNullable(key == null ? null : BY_KEY.get(key));
    }

    public static boolean isBase(String key) {
        return key != null && BY_KEY.containsKey(key);
    }

    private static Metric count(String key, String label) {
        return new Metric(key, label, "count", true, false, false);
    }
}
