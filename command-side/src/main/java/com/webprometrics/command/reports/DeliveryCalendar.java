package com.webprometrics.command.reports;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/**
 * When scheduled reports go out: weekly on Mondays, monthly on the 1st, at a fixed hour of the agency's local
 * day (a DST gap moves it to the first valid instant after). Missed occurrences are not made up: the next one
 * is always the first strictly after the given instant.
 */
public final class DeliveryCalendar {
    private DeliveryCalendar() {
    }

    public static Instant next(String frequency, String timeZone, int hour, Instant after) {
        ZoneId zone = zone(timeZone);
        LocalDate day = LocalDate.ofInstant(after, zone);
        LocalDate candidate = first(frequency, day);
        while (!candidate.atTime(hour, 0).atZone(zone).toInstant().isAfter(after)) {
            candidate = first(frequency, candidate.plusDays(1));
        }
        return candidate.atTime(hour, 0).atZone(zone).toInstant();
    }

    /** The occurrence's day in the agency's calendar (relative ranges end the day before it). */
    public static LocalDate day(Instant due, String timeZone) {
        return LocalDate.ofInstant(due, zone(timeZone));
    }

    private static LocalDate first(String frequency, LocalDate onOrAfter) {
        if ("monthly".equals(frequency)) {
            return onOrAfter.getDayOfMonth() == 1 ? onOrAfter : onOrAfter.with(TemporalAdjusters.firstDayOfNextMonth());
        }
        return onOrAfter.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    }

    static ZoneId zone(String timeZone) {
        try {
            return ZoneId.of(timeZone);
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
