package com.webprometrics.command.reports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** When and to whom a report is e-mailed: weekly (Mondays) or monthly (the 1st), as PDF or CSV. */
public record DeliverySchedule(String frequency, String format, List<String> recipients) {
    public static final List<String> FREQUENCIES = List.of("weekly", "monthly");
    public static final List<String> FORMATS = List.of("pdf", "csv");
    public static final int MAX_RECIPIENTS = 20;
    // Pragmatic: one @, no whitespace or control characters (no header injection), a dot in the domain.
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s\\p{Cntrl},;<>\"]+@[^@\\s\\p{Cntrl},;<>\"]+\\.[^@\\s\\p{Cntrl},;<>\".]{2,}$");

    public DeliverySchedule {
        format = format == null ? "pdf" : format;
        recipients = recipients == null ? null : recipients.stream().map(r -> r == null ? null : r.trim()).toList();
    }

    public List<FieldProblem> problems(String prefix) {
        List<FieldProblem> problems = new ArrayList<>();
        if (frequency == null || !FREQUENCIES.contains(frequency)) {
            problems.add(new FieldProblem(prefix + "frequency", "must be weekly or monthly"));
        }
        if (!FORMATS.contains(format)) {
            problems.add(new FieldProblem(prefix + "format", "must be pdf or csv"));
        }
        problems.addAll(recipientProblems(recipients, prefix + "recipients"));
        return problems;
    }

    /** Between 1 and {@link #MAX_RECIPIENTS} distinct e-mail addresses. */
    public static List<FieldProblem> recipientProblems(List<String> recipients, String field) {
        List<FieldProblem> problems = new ArrayList<>();
        if (recipients == null || recipients.isEmpty()) {
            problems.add(new FieldProblem(field, "name at least one recipient"));
            return problems;
        }
        if (recipients.size() > MAX_RECIPIENTS) {
            problems.add(new FieldProblem(field, "at most " + MAX_RECIPIENTS + " recipients"));
            return problems;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < recipients.size(); i++) {
            String address = recipients.get(i);
            if (address == null || address.length() > 254 || !EMAIL.matcher(address).matches()) {
                problems.add(new FieldProblem(field + "[" + i + "]", "must be an e-mail address"));
            } else if (!seen.add(address.toLowerCase(Locale.ROOT))) {
                problems.add(new FieldProblem(field + "[" + i + "]", "is listed twice"));
            }
        }
        return problems;
    }
}
