package com.webprometrics.query.dashboard;

import com.webprometrics.events.catalogue.Metric;
import com.webprometrics.events.integrations.DailyMetricsRecorded;

import java.math.BigDecimal;
import java.util.Map;

/** One {@code query.metrics_daily} row in PostgreSQL's COPY text format (tab-separated, {@code \N} for null). */
final class MetricRowText {
    static final String COLUMNS = "integration_id, date, agency_id, client_id, provider, currency, position, "
            + String.join(", ", MetricSums.KEYS);
    private static final int METRICS = MetricSums.KEYS.size();

    private MetricRowText() {
    }

    static void append(StringBuilder out, DailyMetricsRecorded e, long position) {
        out.append(e.integrationId()).append('\t').append(e.date()).append('\t').append(e.agencyId()).append('\t')
                .append(e.clientId()).append('\t');
        text(out, e.provider());
        out.append('\t');
        text(out, e.currency());
        out.append('\t').append(position);
        long[] values = new long[METRICS];
        boolean[] present = new boolean[METRICS];
        if (e.metrics() != null) {
            for (Map.Entry<String, BigDecimal> metric : e.metrics().entrySet()) {
                Integer column = MetricSums.INDEX.get(metric.getKey());
                if (column != null && Metric.inRange(metric.getValue())) { // as MetricsProjection: others are skipped
                    values[column] = Micros.of(metric.getValue());
                    present[column] = true;
                }
            }
        }
        for (int i = 0; i < METRICS; i++) {
            out.append('\t');
            if (present[i]) {
                out.append(values[i]);
            } else {
                out.append("\\N");
            }
        }
        out.append('\n');
    }

    private static void text(StringBuilder out, String value) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }
}
