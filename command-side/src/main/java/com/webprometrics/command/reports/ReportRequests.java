package com.webprometrics.command.reports;

import com.webprometrics.events.catalogue.Metric;
import com.webprometrics.platform.web.ProblemException;
import com.webprometrics.platform.web.Problems;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The JSON the reports API takes, checked field by field with the domain's own rules before any command is sent,
 * so bad input is answered with every field error at once and nothing is written.
 */
final class ReportRequests {
    private static final Set<String> PATCH_FIELDS = Set.of("title", "metrics", "from", "to", "range", "schedule");

    private ReportRequests() {
    }

    record Schedule(String frequency, String format, List<String> recipients) {
        DeliverySchedule toSchedule() {
            return new DeliverySchedule(frequency, format, recipients);
        }
    }

    record Create(UUID clientId, String title, List<String> metrics, LocalDate from, LocalDate to, String range,
                  Schedule schedule) {

        ReportDefinition definition() {
            boolean fixed = from != null || to != null;
            return new ReportDefinition(title, metrics, from, to, range == null && !fixed ? ReportDefinition.DEFAULT_RANGE
                    : range);
        }

        void validate() {
            List<FieldProblem> problems = new ArrayList<>();
            if (clientId == null) {
                problems.add(new FieldProblem("clientId", "must not be null"));
            }
            problems.addAll(definition().problems());
            if (schedule != null) {
                problems.addAll(schedule.toSchedule().problems("schedule."));
            }
            refuse(problems);
        }
    }

    record Delivery(String format, List<String> recipients) {
        void validate() {
            List<FieldProblem> problems = new ArrayList<>();
            if (format != null && !DeliverySchedule.FORMATS.contains(format)) {
                problems.add(new FieldProblem("format", "must be pdf or csv"));
            }
            if (recipients != null) {
                problems.addAll(DeliverySchedule.recipientProblems(recipients, "recipients"));
            }
            refuse(problems);
        }
    }

    /** A PATCH body: only the named fields change; {@code "schedule": null} cancels the schedule. */
    record Patch(ReportPatch definition, boolean scheduleGiven, DeliverySchedule schedule) {

        static Patch parse(Map<String, Object> body) {
            List<FieldProblem> problems = new ArrayList<>();
            if (body == null || body.isEmpty()) {
                refuse(List.of(new FieldProblem("body", "name at least one field to change")));
            }
            body.keySet().stream().filter(k -> !PATCH_FIELDS.contains(k))
                    .forEach(k -> problems.add(new FieldProblem(k, "is not a report field")));
            String title = text(body, "title", problems);
            if (body.containsKey("title") && title == null) {
                problems.add(new FieldProblem("title", "must not be blank"));
            }
            List<String> metrics = texts(body.get("metrics"), "metrics", problems);
            if (body.containsKey("metrics") && metrics == null) {
                problems.add(new FieldProblem("metrics", "choose at least one metric"));
            }
            LocalDate from = date(body, "from", problems);
            LocalDate to = date(body, "to", problems);
            String range = text(body, "range", problems);
            ReportPatch patch = new ReportPatch(title, metrics, body.containsKey("from"), from, body.containsKey("to"),
                    to, body.containsKey("range"), range);
            DeliverySchedule schedule = null;
            if (body.get("schedule") instanceof Map<?, ?> s) {
                schedule = new DeliverySchedule(text(s, "schedule.frequency", "frequency", problems),
                        text(s, "schedule.format", "format", problems),
                        texts(s.get("recipients"), "schedule.recipients", problems));
                problems.addAll(schedule.problems("schedule."));
            } else if (body.get("schedule") != null) {
                problems.add(new FieldProblem("schedule", "must be an object or null"));
            }
            refuse(problems);
            boolean definitionGiven = body.keySet().stream().anyMatch(k -> !k.equals("schedule"));
            return new Patch(definitionGiven ? patch : null, body.containsKey("schedule"), schedule);
        }
    }

    static void refuse(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw ProblemException.invalidFields(problems.stream()
                    .map(p -> Problems.fieldError(p.field(), p.message())).toList());
        }
    }

    private static String text(Map<?, ?> body, String field, List<FieldProblem> problems) {
        return text(body, field, field, problems);
    }

    private static String text(Map<?, ?> body, String field, String key, List<FieldProblem> problems) {
        Object value = body.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            problems.add(new FieldProblem(field, "must be a string"));
            return null;
        }
        return s;
    }

    private static List<String> texts(Object value, String field, List<FieldProblem> problems) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> list) || list.stream().anyMatch(v -> !(v instanceof String))) {
            problems.add(new FieldProblem(field, "must be a list of strings"));
            return null;
        }
        return list.stream().map(String.class::cast).toList();
    }

    private static LocalDate date(Map<String, Object> body, String field, List<FieldProblem> problems) {
        String value = text(body, field, problems);
        if (value == null) {
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be a date like 2025-01-31"));
            return null;
        }
        String outOfBounds = Metric.dayOutOfBounds(day);
        if (outOfBounds != null) {
            problems.add(new FieldProblem(field, outOfBounds));
            return null;
        }
        return day;
    }
}
