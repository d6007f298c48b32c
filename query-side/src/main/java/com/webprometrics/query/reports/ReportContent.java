package com.webprometrics.query.reports;

import com.webprometrics.events.catalogue.DerivedMetric;
import com.webprometrics.events.catalogue.Metric;
import com.webprometrics.events.catalogue.ProviderInfo;
import com.webprometrics.query.dashboard.ClientDashboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one rendering of a report shows — the JSON data, the CSV and the PDF all come from one of these, so
 * they always agree: the report's metrics out of the client's dashboard for the resolved range (with the previous
 * period), labels and units from the shared catalogue, and how fresh each provider's data was.
 */
record ReportContent(ReportView report, String agencyName, ZoneId zone, LocalDate asOf, Instant generatedAt,
                     long dataPosition, ClientDashboard dashboard, List<Line> kpis) {

    /** One KPI row: the catalogue's label and unit; values may be null (no data, or a ratio without input). */
    record Line(String metric, String label, String unit, boolean lowerIsBetter, BigDecimal value, BigDecimal previous,
                BigDecimal changePct) {
    }

    static ReportContent of(ReportView report, String agencyName, ZoneId zone, LocalDate asOf, Instant generatedAt,
                            long dataPosition, ClientDashboard dashboard) {
        Map<String, ClientDashboard.Kpi> byMetric = new LinkedHashMap<>();
        dashboard.kpis().forEach(k -> byMetric.put(k.metric(), k));
        List<Line> lines = new ArrayList<>();
        for (String metric : report.metrics()) {
            ClientDashboard.Kpi kpi = byMetric.get(metric);
            lines.add(new Line(metric, label(metric), unit(metric), lowerIsBetter(metric),
                    kpi == null ? null : kpi.value(), kpi == null ? null : kpi.previousValue(),
                    kpi == null ? null : kpi.changePct()));
        }
        return new ReportContent(report, agencyName, zone, asOf, generatedAt, dataPosition, dashboard, List.copyOf(lines));
    }

    /** The day's values of the report's metrics only. */
    Map<String, BigDecimal> valuesOf(ClientDashboard.Point point) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (String metric : report.metrics()) {
            if (point.values().get(metric) != null) {
                values.put(metric, point.values().get(metric));
            }
        }
        return values;
    }

    /** "Demo data: last sync 17 Mar 2025 06:00, data through 16 Mar 2025" per provider, as the dashboard shows it. */
    List<String> dataAsOf(Formats formats) {
        List<String> lines = new ArrayList<>();
        for (ClientDashboard.Freshness f : dashboard.freshness()) {
            lines.add(providerName(f.provider()) + ": last sync "
                    + (f.lastSyncAt() == null ? "never" : formats.dateTime(f.lastSyncAt(), zone))
                    + ", data through " + (f.dataThrough() == null ? "—" : formats.day(f.dataThrough())));
        }
        return lines;
    }

    static String label(String metric) {
        return Metric.find(metric).map(Metric::label)
                .orElseGet(() -> DerivedMetric.find(metric).map(DerivedMetric::label).orElse(metric));
    }

    static String unit(String metric) {
        return Metric.find(metric).map(Metric::unit)
                .orElseGet(() -> DerivedMetric.find(metric).map(DerivedMetric::unit).orElse("number"));
    }

    static boolean lowerIsBetter(String metric) {
        return Metric.find(metric).map(Metric::lowerIsBetter)
                .orElseGet(() -> DerivedMetric.find(metric).map(DerivedMetric::lowerIsBetter).orElse(false));
    }

    static String providerName(String provider) {
        return ProviderInfo.find(provider).map(ProviderInfo::name).orElse(provider);
    }
}
