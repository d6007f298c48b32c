package com.webprometrics.query.reports;

import com.webprometrics.query.dashboard.ClientDashboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A report's computed data as JSON: the same numbers the CSV and PDF show, plus their human formatting. */
record ReportData(LocalDate asOf, LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo,
                  String currency, List<String> currencies, List<Kpi> kpis, List<Day> series,
                  List<Provider> byProvider, List<Fresh> freshness, List<String> dataAsOf, Instant generatedAt,
                  long dataPosition) {

    record Kpi(String metric, String label, String unit, BigDecimal value, BigDecimal previousValue,
               BigDecimal changePct, String formattedValue, String formattedPrevious, String formattedChange) {
    }

    record Day(LocalDate date, Map<String, BigDecimal> values) {
    }

    record Provider(String provider, String name, Map<String, BigDecimal> values) {
    }

    record Fresh(String provider, String name, Instant lastSyncAt, LocalDate dataThrough) {
    }

    static ReportData of(ReportContent c) {
        ClientDashboard d = c.dashboard();
        Formats formats = new Formats(d.currency());
        List<Kpi> kpis = c.kpis().stream().map(l -> new Kpi(l.metric(), l.label(), l.unit(), l.value(), l.previous(),
                l.changePct(), formats.value(l.unit(), l.value()), formats.value(l.unit(), l.previous()),
                formats.change(l.changePct()))).toList();
        List<Day> series = d.series().stream().map(p -> new Day(p.date(), c.valuesOf(p))).toList();
        List<Provider> providers = d.byProvider().stream().map(p -> new Provider(p.provider(),
                ReportContent.providerName(p.provider()), p.values().entrySet().stream()
                .filter(e -> c.report().metrics().contains(e.getKey()) && e.getValue() != null)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
                        java.util.LinkedHashMap::new)))).toList();
        List<Fresh> freshness = d.freshness().stream().map(f -> new Fresh(f.provider(),
                ReportContent.providerName(f.provider()), f.lastSyncAt(), f.dataThrough())).toList();
        return new ReportData(c.asOf(), d.from(), d.to(), d.previousFrom(), d.previousTo(), d.currency(), d.currencies(),
                kpis, series, providers, freshness, c.dataAsOf(formats), c.generatedAt(), c.dataPosition());
    }
}
