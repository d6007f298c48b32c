package com.webprometrics.query.reports;

import com.webprometrics.query.dashboard.ClientDashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Not a test: the PDF render benchmark that {@code ops/bench/pdf-render.sh} runs. Renders a 90-day report with eight
 * metrics from three providers (two charts, a KPI table and a provider table) {@code warm-up} times, then measures
 * {@code renders} more and prints {@code p50 p99 mean max bytes} in milliseconds. Rendering only: no database, no HTTP.
 *
 * <pre>java -cp … com.webprometrics.query.reports.PdfRenderBench [renders=200] [warm-up=100] [sample.pdf]</pre>
 * With a third argument, one rendering is also written there, to look at.
 */
public final class PdfRenderBench {
    private static final List<String> METRICS = List.of("sessions", "conversions", "revenue", "cost", "clicks",
            "impressions", "roas", "ctr");

    private PdfRenderBench() {
    }

    public static void main(String[] args) throws java.io.IOException {
        System.setProperty("java.awt.headless", "true");
        int renders = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        ReportContent content = content();
        if (args.length > 2) {
            java.nio.file.Files.write(java.nio.file.Path.of(args[2]), PdfExport.render(content));
        }
        int bytes = 0;
        for (int i = 0; i < warmUp; i++) {
            bytes = PdfExport.render(content).length;
        }
        long[] nanos = new long[renders];
        for (int i = 0; i < renders; i++) {
            long start = System.nanoTime();
            PdfExport.render(content);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        double mean = Arrays.stream(nanos).average().orElse(0);
        System.out.printf(java.util.Locale.ROOT, "%.1f %.1f %.1f %.1f %d%n", ms(nanos[(int) Math.ceil(renders * 0.5) - 1]),
                ms(nanos[(int) Math.ceil(renders * 0.99) - 1]), mean / 1e6, ms(nanos[renders - 1]), bytes);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** 90 days ending yesterday, deterministic numbers with a weekly rhythm, three providers, previous period. */
    static ReportContent content() {
        LocalDate to = LocalDate.parse("2025-06-30");
        LocalDate from = to.minusDays(89);
        List<ClientDashboard.Point> series = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            double wave = 1 + 0.3 * Math.sin(day.getDayOfYear() / 7.0 * Math.PI);
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            values.put("sessions", bd(1200 * wave, 0));
            values.put("conversions", bd(36 * wave, 0));
            values.put("revenue", bd(4200.5 * wave, 2));
            values.put("cost", bd(1500.25 * wave, 2));
            values.put("clicks", bd(900 * wave, 0));
            values.put("impressions", bd(41000 * wave, 0));
            values.put("roas", bd(2.8, 6));
            values.put("ctr", bd(900.0 / 41000, 6));
            series.add(new ClientDashboard.Point(day, values));
        }
        List<ClientDashboard.Kpi> kpis = new ArrayList<>();
        for (String metric : METRICS) {
            BigDecimal value = metric.equals("roas") || metric.equals("ctr") ? series.get(0).values().get(metric)
                    : series.stream().map(p -> p.values().get(metric)).reduce(BigDecimal.ZERO, BigDecimal::add);
            kpis.add(new ClientDashboard.Kpi(metric, value, value.multiply(bd(0.9, 2)), bd(11.11, 2)));
        }
        List<ClientDashboard.ProviderValues> providers = new ArrayList<>();
        for (String provider : List.of("ga4", "google-ads", "meta-ads")) {
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            kpis.forEach(k -> values.put(k.metric(), k.value().divide(BigDecimal.valueOf(3), 2, RoundingMode.HALF_UP)));
            providers.add(new ClientDashboard.ProviderValues(provider, values));
        }
        List<ClientDashboard.Freshness> freshness = List.of(
                new ClientDashboard.Freshness("ga4", Instant.parse("2025-07-01T04:00:00Z"), to),
                new ClientDashboard.Freshness("google-ads", Instant.parse("2025-07-01T04:05:00Z"), to),
                new ClientDashboard.Freshness("meta-ads", Instant.parse("2025-07-01T04:10:00Z"), to.minusDays(1)));
        ClientDashboard dashboard = new ClientDashboard(UUID.randomUUID(), from, to, "previous", from.minusDays(90),
                from.minusDays(1), "EUR", List.of("EUR"), kpis, series, providers, freshness);
        ReportView report = new ReportView(UUID.randomUUID(), dashboard.clientId(), "Acme Outdoor Gear", "Quarterly KPIs",
                METRICS, null, null, "last_90_days", null, "Europe/Berlin", Instant.parse("2025-01-01T00:00:00Z"), null,
                Instant.parse("2025-01-01T00:00:00Z"), null);
        return ReportContent.of(report, "Bench Agency", ZoneId.of("Europe/Berlin"), to.plusDays(1),
                Instant.parse("2025-07-01T05:00:00Z"), 123456, dashboard);
    }

    private static BigDecimal bd(double value, int scale) {
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
    }
}
