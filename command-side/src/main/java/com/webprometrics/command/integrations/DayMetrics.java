package com.webprometrics.command.integrations;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/** One day's numbers from a provider, keyed by the normalized metric names of {@link com.webprometrics.events.catalogue.Metric}. */
public record DayMetrics(LocalDate date, Map<String, BigDecimal> metrics) {
    public DayMetrics {
        Objects.requireNonNull(date, "date");
        metrics = Map.copyOf(metrics);
    }
}
