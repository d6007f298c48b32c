package com.webprometrics.query.reports;

import com.webprometrics.query.dashboard.ClientDashboard;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A report as CSV (RFC 4180, UTF-8, CRLF): a header block (report, client, range, previous range, currency, time
 * zone, generation time, data position, one {@code data_as_of} row per provider), a blank line, the KPI rows
 * {@code metric,label,unit,value,previous,change_pct}, a blank line, then the daily series with one column per
 * metric. Numbers are raw (a dot, no grouping) for spreadsheets; text cells that a spreadsheet would take for a
 * formula are prefixed with an apostrophe.
 */
final class CsvExport {
    private CsvExport() {
    }

    static byte[] render(ReportContent c) {
        ClientDashboard d = c.dashboard();
        StringBuilder out = new StringBuilder();
        row(out, "report", c.report().title());
        row(out, "client", c.report().clientName());
        row(out, "agency", c.agencyName());
        row(out, "range", d.from().toString(), d.to().toString(),
                c.report().range() == null ? "fixed" : c.report().range());
        row(out, "previous_range", str(d.previousFrom()), str(d.previousTo()));
        row(out, "currency", d.currency() != null ? d.currency() : String.join(";", d.currencies()));
        row(out, "time_zone", c.zone().getId());
        row(out, "generated_at", c.generatedAt().toString());
        row(out, "data_position", String.valueOf(c.dataPosition()));
        for (ClientDashboard.Freshness f : d.freshness()) {
            row(out, "data_as_of", f.provider(), "last_sync", str(f.lastSyncAt()), "data_through", str(f.dataThrough()));
        }
        out.append("\r\n");
        row(out, "metric", "label", "unit", "value", "previous", "change_pct");
        for (ReportContent.Line line : c.kpis()) {
            row(out, line.metric(), line.label(), line.unit(), num(line.value()), num(line.previous()),
                    num(line.changePct()));
        }
        out.append("\r\n");
        List<String> header = new ArrayList<>(List.of("date"));
        header.addAll(c.report().metrics());
        row(out, header.toArray(String[]::new));
        for (ClientDashboard.Point point : d.series()) {
            List<String> cells = new ArrayList<>(List.of(point.date().toString()));
            for (String metric : c.report().metrics()) {
                cells.add(num(point.values().get(metric)));
            }
            row(out, cells.toArray(String[]::new));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder out, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells[i]));
        }
        out.append("\r\n");
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !isNumber(v)) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    private static boolean isNumber(String v) {
        try {
            new BigDecimal(v);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String num(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    private static String str(Object value) {
        return value == null ? "" : value.toString();
    }
}
