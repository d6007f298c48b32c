package com.webprometrics.query.reports;

import com.webprometrics.query.dashboard.DateRange;

import java.time.LocalDate;

/**
 * A report's days as of a given day: a fixed range as saved, a relative one ending the day before {@code asOf}
 * ({@code last_month}: the calendar month before {@code asOf}'s month).
 */
final class ReportRange {
    private ReportRange() {
    }

    static DateRange resolve(LocalDate from, LocalDate to, String range, LocalDate asOf) {
        if (range == null) {
            return new DateRange(from, to);
        }
        LocalDate yesterday = asOf.minusDays(1);
        return switch (range) {
            case "last_7_days" -> new DateRange(yesterday.minusDays(6), yesterday);
            case "last_90_days" -> new DateRange(yesterday.minusDays(89), yesterday);
            case "last_month" -> {
                LocalDate first = asOf.withDayOfMonth(1).minusMonths(1);
                yield new DateRange(first, first.plusMonths(1).minusDays(1));
            }
            default -> new DateRange(yesterday.minusDays(29), yesterday);
        };
    }

    static String label(String range) {
        if (range == null) {
            return null;
        }
        return switch (range) {
            case "last_7_days" -> "last 7 days";
            case "last_90_days" -> "last 90 days";
            case "last_month" -> "last month";
            default -> "last 30 days";
        };
    }
}
