package com.webprometrics.command.integrations;

import com.webprometrics.events.catalogue.Metric;
import com.webprometrics.platform.domain.DomainException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads an uploaded CSV of daily metrics. The header decides the shape: long {@code date,metric,value}
 * or wide {@code date,<metric>,...}. Every data line is checked on its own; a bad line is reported with
 * its 1-based line number (the header is line 1) and a reason, good lines are grouped per day. A header
 * that is neither shape, an empty file or more than {@link #MAX_LINES} lines refuse the whole file.
 */
public final class CsvImport {
    public static final int MAX_LINES = 50_000;
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final String VOCABULARY = String.join(", ", Metric.KEYS);

    public record LineError(int line, String message) {
    }

    public record Result(int rowsAccepted, int rowsRejected, List<LineError> errors, List<DayMetrics> days) {
    }

    private CsvImport() {
    }

    /** @param today lines dated after it are refused */
    public static Result parse(InputStream in, LocalDate today) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return parse(reader, today);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Result parse(BufferedReader reader, LocalDate today) throws IOException {
        String headerLine = reader.readLine();
        if (headerLine != null && headerLine.startsWith("\uFEFF")) {
            headerLine = headerLine.substring(1);
        }
        if (headerLine == null || headerLine.isBlank()) {
            throw invalid("The file is empty; the first line must be a header such as date,metric,value.");
        }
        List<String> header = cells(headerLine).stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        boolean longFormat = header.equals(List.of("date", "metric", "value"));
        if (!longFormat) {
            checkWideHeader(header);
        }
        Map<LocalDate, Map<String, BigDecimal>> days = new TreeMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        List<LineError> errors = new ArrayList<>();
        int accepted = 0;
        int lineNumber = 1;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (lineNumber > MAX_LINES) {
                throw invalid("The file has more than " + MAX_LINES + " lines; split it into smaller uploads.");
            }
            if (line.isBlank()) {
                continue;
            }
            String problem = longFormat ? longLine(cells(line), lineNumber, today, days, firstLine)
                    : wideLine(cells(line), header, lineNumber, today, days, firstLine);
            if (problem == null) {
                accepted++;
            } else {
                errors.add(new LineError(lineNumber, problem));
            }
        }
        List<DayMetrics> result = new ArrayList<>();
        days.forEach((date, metrics) -> result.add(new DayMetrics(date, metrics)));
        return new Result(accepted, errors.size(), errors, result);
    }

    private static void checkWideHeader(List<String> header) {
        if (header.isEmpty() || !header.get(0).equals("date") || header.size() < 2) {
            throw invalid("The header must be date,metric,value or date followed by metric columns ("
                    + VOCABULARY + ").");
        }
        List<String> seen = new ArrayList<>();
        for (String column : header.subList(1, header.size())) {
            if (!Metric.isBase(column)) {
                throw invalid("Unknown metric column \"" + column + "\" in the header; use " + VOCABULARY + ".");
            }
            if (seen.contains(column)) {
                throw invalid("The header names \"" + column + "\" twice.");
            }
            seen.add(column);
        }
    }

    /** @return null when the line is good (its value is then taken), else the reason */
    private static String longLine(List<String> cells, int lineNumber, LocalDate today,
                                   Map<LocalDate, Map<String, BigDecimal>> days, Map<String, Integer> firstLine) {
        if (cells.size() != 3) {
            return "expected 3 columns (date,metric,value), found " + cells.size();
        }
        Object date = date(cells.get(0), today);
        if (date instanceof String problem) {
            return problem;
        }
        String metric = cells.get(1).toLowerCase(Locale.ROOT);
        if (!Metric.isBase(metric)) {
            return "unknown metric \"" + cells.get(1) + "\"; use one of " + VOCABULARY;
        }
        Object value = value(metric, cells.get(2));
        if (value instanceof String problem) {
            return problem;
        }
        String key = date + "/" + metric;
        Integer first = firstLine.putIfAbsent(key, lineNumber);
        if (first != null) {
            return metric + " for " + date + " was already given on line " + first;
        }
        days.computeIfAbsent((LocalDate) date, d -> new LinkedHashMap<>()).put(metric, (BigDecimal) value);
        return null;
    }

    private static String wideLine(List<String> cells, List<String> header, int lineNumber, LocalDate today,
                                   Map<LocalDate, Map<String, BigDecimal>> days, Map<String, Integer> firstLine) {
        if (cells.size() != header.size()) {
            return "expected " + header.size() + " columns, found " + cells.size();
        }
        Object date = date(cells.get(0), today);
        if (date instanceof String problem) {
            return problem;
        }
        Map<String, BigDecimal> metrics = new LinkedHashMap<>();
        for (int i = 1; i < cells.size(); i++) {
            if (cells.get(i).isEmpty()) {
                continue;
            }
            Object value = value(header.get(i), cells.get(i));
            if (value instanceof String problem) {
                return problem;
            }
            metrics.put(header.get(i), (BigDecimal) value);
        }
        if (metrics.isEmpty()) {
            return "no values on this line";
        }
        Integer first = firstLine.putIfAbsent(date.toString(), lineNumber);
        if (first != null) {
            return "date " + date + " was already given on line " + first;
        }
        days.put((LocalDate) date, metrics);
        return null;
    }

    /** A LocalDate, or the reason it is not one. */
    private static Object date(String text, LocalDate today) {
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return "date \"" + text + "\" is not an ISO date (YYYY-MM-DD)";
        }
        if (date.isAfter(today)) {
            return "date " + date + " is in the future";
        }
        if (date.isBefore(Metric.FIRST_DAY)) {
            return "date " + date + " is before " + Metric.FIRST_DAY;
        }
        return date;
    }

    /** A BigDecimal, or the reason it is not an acceptable value of the metric. */
    private static Object value(String metric, String text) {
        if (!NUMBER.matcher(text).matches()) {
            return metric + " value \"" + text + "\" is not a number (digits, with . for decimals)";
        }
        BigDecimal value = new BigDecimal(text);
        if (value.signum() < 0) {
            return metric + " must not be negative";
        }
        if (!Metric.inRange(value)) {
            return metric + " value " + text + " is too large (at most " + Metric.MAX_DAILY_VALUE.toPlainString() + ")";
        }
        if (Metric.find(metric).map(Metric::whole).orElse(false) && value.stripTrailingZeros().scale() > 0) {
            return metric + " must be a whole number";
        }
        return value;
    }

    /** Comma-separated cells, trimmed, with one pair of surrounding double quotes removed. */
    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.split(",", -1)) {
            String c = cell.trim();
            if (c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"")) {
                c = c.substring(1, c.length() - 1).trim();
            }
            cells.add(c);
        }
        return cells;
    }

    private static DomainException invalid(String detail) {
        return IntegrationRejection.INVALID_CSV.because(detail);
    }
}
