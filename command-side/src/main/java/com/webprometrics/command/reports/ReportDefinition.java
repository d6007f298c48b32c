package com.webprometrics.command.reports;

import com.webprometrics.events.catalogue.DerivedMetric;
import com.webprometrics.events.catalogue.Metric;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a report shows: a title, the metrics (catalogue keys, in order) and either a fixed range of days or a
 * relative one. Plain Java so the aggregate and the request validation share one set of rules.
 */
public record ReportDefinition(String title, List<String> metrics, LocalDate from, LocalDate to, String range) {
    public static final List<String> RANGES = List.of("last_7_days", "last_30_days", "last_month", "last_90_days");
    public static final String DEFAULT_RANGE = "last_30_days";
    static final int MAX_TITLE = 200;
    static final int MAX_METRICS = 20;

    public ReportDefinition {
        title = title == null ? null : title.trim();
        metrics = metrics == null ? null : List.copyOf(metrics);
    }

    /** Every broken rule, with the field it concerns; empty when the definition is valid. */
    public List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (title == null || title.isBlank()) {
            problems.add(new FieldProblem("title", "must not be blank"));
        } else if (title.length() > MAX_TITLE) {
            problems.add(new FieldProblem("title", "must be at most " + MAX_TITLE + " characters"));
        }
        checkMetrics(problems);
        checkRange(problems);
        return problems;
    }

    private void checkMetrics(List<FieldProblem> problems) {
        if (metrics == null || metrics.isEmpty()) {
            problems.add(new FieldProblem("metrics", "choose at least one metric"));
            return;
        }
        if (metrics.size() > MAX_METRICS) {
            problems.add(new FieldProblem("metrics", "at most " + MAX_METRICS + " metrics"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < metrics.size(); i++) {
            String key = metrics.get(i);
            if (!shown(key)) {
                problems.add(new FieldProblem("metrics[" + i + "]", "is not a metric: " + abbreviate(key)));
            } else if (!seen.add(key)) {
                problems.add(new FieldProblem("metrics[" + i + "]", "is listed twice: " + key));
            }
        }
    }

    private void checkRange(List<FieldProblem> problems) {
        boolean fixed = from != null || to != null;
        if (range != null && fixed) {
            problems.add(new FieldProblem("range", "give either range or from and to, not both"));
        } else if (range != null && !RANGES.contains(range)) {
            problems.add(new FieldProblem("range", "must be one of " + String.join(", ", RANGES)));
        } else if (range == null && !fixed) {
            problems.add(new FieldProblem("range", "give a range or from and to"));
        } else if (fixed && from == null) {
            problems.add(new FieldProblem("from", "is required together with to"));
        } else if (fixed && to == null) {
            problems.add(new FieldProblem("to", "is required together with from"));
        } else if (fixed && from.isAfter(to)) {
            problems.add(new FieldProblem("from", "must not be after to"));
        } else if (fixed && to.isAfter(from.plusYears(2))) {
            problems.add(new FieldProblem("to", "the range must be at most 2 years long"));
        }
    }

    /** A metric a report may show: a visible base metric or a derived one (hidden inputs are not shown alone). */
    static boolean shown(String key) {
        return Metric.find(key).map(m -> !m.hidden()).orElse(false) || DerivedMetric.find(key).isPresent();
    }

    boolean sameAs(ReportDefinition other) {
        return Objects.equals(this, other);
    }

    private static String abbreviate(String key) {
        if (key == null) {
            return "null";
        }
        return key.length() > 40 ? key.substring(0, 40) + "…" : key;
    }
}
