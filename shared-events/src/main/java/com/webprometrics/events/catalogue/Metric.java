package com.webprometrics.events.catalogue;

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
