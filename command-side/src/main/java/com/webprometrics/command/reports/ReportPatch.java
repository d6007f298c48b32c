package com.webprometrics.command.reports;

import java.time.LocalDate;
import java.util.List;

/**
 * A partial change of a report's definition: only what was given changes. Giving {@code range} switches to a
 * relative range (clearing from/to); giving {@code from} and/or {@code to} switches to a fixed one (clearing
 * range) and keeps the other bound when the report already had one.
 */
public record ReportPatch(String title, List<String> metrics, boolean fromGiven, LocalDate from, boolean toGiven,
                          LocalDate to, boolean rangeGiven, String range) {

    ReportDefinition applyTo(ReportDefinition current) {
        String nextTitle = title != null ? title : current.title();
        List<String> nextMetrics = metrics != null ? metrics : current.metrics();
        boolean fixed = fromGiven || toGiven;
        if (rangeGiven && fixed) {
            return new ReportDefinition(nextTitle, nextMetrics, from, to, range); // refused: both kinds given
        }
        if (rangeGiven) {
            return new ReportDefinition(nextTitle, nextMetrics, null, null, range);
        }
        if (fixed) {
            return new ReportDefinition(nextTitle, nextMetrics, fromGiven ? from : current.from(),
                    toGiven ? to : current.to(), null);
        }
        return new ReportDefinition(nextTitle, nextMetrics, current.from(), current.to(), current.range());
    }
}
