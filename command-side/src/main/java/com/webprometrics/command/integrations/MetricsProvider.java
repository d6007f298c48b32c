package com.webprometrics.command.integrations;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A source of daily numbers. Implementations are Spring beans picked by {@link #key()}; they run outside
 * any transaction (on the sync executor) and throw {@link ProviderFailure} for failures the user should see.
 */
public interface MetricsProvider {

    String key();

    /**
     * Checks and normalizes the settings given on connect (property id, customer id, …).
     *
     * @return the settings to record
     * @throws com.webprometrics.platform.web.ProblemException 400 with field errors for bad settings
     */
    default Map<String, String> checkSettings(Map<String, String> settings) {
        return settings;
    }

    /** How many days before the last synced day a routine sync fetches again (providers revise recent days). */
    default int refetchDays() {
        return 3;
    }

    /** The days {@code from}..{@code to} inclusive, metrics in the {@link com.webprometrics.events.catalogue.Metric} vocabulary. */
    Fetched fetch(FetchRequest request);

    record FetchRequest(UUID integrationId, UUID clientId, Map<String, String> settings, LocalDate from, LocalDate to) {
    }

    /**
     * @param currency ISO 4217 code of the money values as the provider reports it, or null (then the
     *                 integration's {@code currency} setting, else USD)
     * @param timeZone the provider's reporting time zone the dates are in, or null
     */
    record Fetched(List<DayMetrics> days, String currency, String timeZone) {
        public Fetched {
            days = List.copyOf(days);
        }
    }
}
