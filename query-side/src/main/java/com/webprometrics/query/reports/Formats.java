package com.webprometrics.query.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;

/**
 * Numbers and dates for people (PDF, JSON's formatted values): grouped digits, money with its currency, ratios as
 * percentages, durations in h/m/s. English conventions throughout (the SPA's language). CSV keeps raw numbers.
 */
final class Formats {
    private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);
    static final String NONE = "n/a";

    private final String currency;

    /** @param currency the ISO code money is in, or null when the data mixes currencies (shown without a symbol) */
    Formats(String currency) {
        this.currency = currency;
    }

    String value(String unit, BigDecimal value) {
        if (value == null) {
            return NONE;
        }
        return switch (unit) {
            case "count" -> number(value, value.stripTrailingZeros().scale() <= 0 ? 0 : 2);
            case "money" -> money(value);
            case "ratio" -> number(value.multiply(BigDecimal.valueOf(100)), 2) + " %";
            case "multiplier" -> number(value, 2) + "×";
            case "seconds" -> duration(value);
            default -> number(value, 2);
        };
    }

    /** "+12.50 %", "−4.76 %", or n/a. */
    String change(BigDecimal changePct) {
        if (changePct == null) {
            return NONE;
        }
        String digits = number(changePct.abs(), 2) + " %";
        return changePct.signum() > 0 ? "+" + digits : changePct.signum() < 0 ? "−" + digits : digits;
    }

    String money(BigDecimal value) {
        String digits = number(value.abs(), 2);
        String sign = value.signum() < 0 ? "−" : "";
        if (currency == null) {
            return sign + digits;
        }
        String symbol = symbol(currency);
        return symbol.length() == 1 ? sign + symbol + digits : sign + digits + " " + currency;
    }

    String day(LocalDate day) {
        return DAY.format(day);
    }

    String dateTime(Instant at, ZoneId zone) {
        return DATE_TIME.format(at.atZone(zone));
    }

    static String number(BigDecimal value, int decimals) {
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals), SYMBOLS);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }

    private static String duration(BigDecimal seconds) {
        long total = seconds.setScale(0, RoundingMode.HALF_UP).longValue();
        if (total >= 3600) {
            return number(BigDecimal.valueOf(total / 3600), 0) + "h " + String.format(Locale.ROOT, "%02dm", total % 3600 / 60);
        }
        if (total >= 60) {
            return total / 60 + "m " + String.format(Locale.ROOT, "%02ds", total % 60);
        }
        return total + "s";
    }

    private static String symbol(String code) {
        try {
            return Currency.getInstance(code).getSymbol(Locale.US);
        } catch (IllegalArgumentException e) {
            return code;
        }
    }
}
