package com.webprometrics.query.dashboard;

import com.webprometrics.events.catalogue.Metric;
import com.webprometrics.platform.web.ProblemException;
import com.webprometrics.platform.web.Problems;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An inclusive range of days in the agency's time zone. Defaults: the 30 days ending yesterday; at most
 * two years long. The previous period is the same number of days right before {@code from}, or the previous
 * calendar month for a whole month.
 */
public record DateRange(LocalDate from, LocalDate to) {
    static final int DEFAULT_DAYS = 30;

    public static DateRange parse(String fromParam, String toParam, ZoneId zone) {
        List<Map<String, String>> errors = new ArrayList<>();
        LocalDate from = date("from", fromParam, errors);
        LocalDate to = date("to", toParam, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        if (to == null) {
            to = from == null ? LocalDate.now(zone).minusDays(1) : from.plusDays(DEFAULT_DAYS - 1);
        }
        if (from == null) {
            from = to.minusDays(DEFAULT_DAYS - 1);
        }
        if (from.isAfter(to)) {
            errors.add(Problems.fieldError("from", "must not be after to"));
        } else if (to.isAfter(from.plusYears(2))) {
            errors.add(Problems.fieldError("to", "the range must be at most 2 years long"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return new DateRange(from, to);
    }

    /** An optional day parameter (null when absent); a malformed or out-of-bounds day is a field problem. */
    public static LocalDate day(String field, String value) {
        List<Map<String, String>> errors = new ArrayList<>();
        LocalDate day = date(field, value, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return day;
    }

    private static LocalDate date(String field, String value, List<Map<String, String>> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(Problems.fieldError(field, "must be a date like 2025-01-31"));
            return null;
        }
        String outOfBounds = Metric.dayOutOfBounds(day);
        if (outOfBounds != null) {
            errors.add(Problems.fieldError(field, outOfBounds));
            return null;
        }
        return day;
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /**
     * The period to compare with: the whole calendar month before when this range is one whole calendar month
     * (March compares with all of February, not with its last 31 days), else the same number of days right before.
     */
    public DateRange previous() {
        if (from.getDayOfMonth() == 1 && to.equals(from.withDayOfMonth(from.lengthOfMonth()))) {
            return new DateRange(from.minusMonths(1), from.minusDays(1));
        }
        return new DateRange(from.minusDays(days()), from.minusDays(1));
    }
}
