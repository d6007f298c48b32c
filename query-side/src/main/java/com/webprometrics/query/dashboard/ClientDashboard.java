package com.webprometrics.query.dashboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A client's numbers for a range of days: KPIs (with the previous period when compared), the daily series,
 * the per-provider breakdown and how fresh each provider's data is. The dashboard answers it as JSON;
 * reports render it as CSV and PDF.
 */
public record ClientDashboard(UUID clientId, LocalDate from, LocalDate to, String compare, LocalDate previousFrom,
                              LocalDate previousTo, String currency, List<String> currencies, List<Kpi> kpis,
                              List<Point> series, List<ProviderValues> byProvider, List<Freshness> freshness) {

    public record Kpi(String metric, BigDecimal value, BigDecimal previousValue, BigDecimal changePct) {
    }

    public record Point(LocalDate date, Map<String, BigDecimal> values) {
    }

    public record ProviderValues(String provider, Map<String, BigDecimal> values) {
    }

    /** Per provider: the last successful sync and the latest day with data ("data as of"). */
    public record Freshness(String provider, Instant lastSyncAt, LocalDate dataThrough) {
    }
}
