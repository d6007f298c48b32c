package com.webprometrics.command.integrations;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A source of daily numbers. Implementations are Spring beans picked by {@link #key()}; they run outside
 * any transaction and throw {@link ProviderFailure} for failures the user should see.
 */
public interface MetricsProvider {

    String key();

    /** The days {@code from}..{@code to} inclusive, metrics in the {@link com.webprometrics.events.catalogue.Metric} vocabulary. */
    List<DayMetrics> fetch(Map<String, String> settings, UUID clientId, LocalDate from, LocalDate to);
}
