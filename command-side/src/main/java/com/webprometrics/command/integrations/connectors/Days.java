package com.webprometrics.command.integrations.connectors;

import com.webprometrics.command.integrations.DayMetrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns what a provider returned into one {@link DayMetrics} per day. Every provider drops days without
 * activity; those days become explicit zeros (so a day revised down to nothing is recorded as such).
 */
public final class Days {
    private Days() {
    }

    /** Every day {@code from}..{@code to}; days the provider omitted get zeros for {@code metrics}. */
    public static List<DayMetrics> everyDay(LocalDate from, LocalDate to, Map<LocalDate, Map<String, BigDecimal>> found,
                                            List<String> metrics) {
        return fill(from, to, found, metrics);
    }

    /**
     * Days {@code from}..the last day the provider returned, for providers whose latest days are not final yet
     * (Search Console): a day not reported yet is not recorded as zero.
     */
    public static List<DayMetrics> throughLastReported(LocalDate from, Map<LocalDate, Map<String, BigDecimal>> found,
                                                       List<String> metrics) {
        if (found.isEmpty()) {
            return List.of();
        }
        return fill(from, new TreeMap<>(found).lastKey(), found, metrics);
    }

    private static List<DayMetrics> fill(LocalDate from, LocalDate to, Map<LocalDate, Map<String, BigDecimal>> found,
                                         List<String> metrics) {
        List<DayMetrics> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            metrics.forEach(m -> values.put(m, BigDecimal.ZERO));
            Map<String, BigDecimal> reported = found.get(day);
            if (reported != null) {
                values.putAll(reported);
            }
            days.add(new DayMetrics(day, values));
        }
        return days;
    }
}
