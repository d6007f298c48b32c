package com.webprometrics.command.integrations;

import com.webprometrics.events.catalogue.ProviderInfo;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Synthetic but plausible daily numbers for a client, the same every time: a client profile drawn from a
 * generator seeded by the client id, and each day drawn from one seeded by the client id and the day, so
 * any day is reproducible on its own whatever range is asked for. Weekly seasonality (weekends lower), a
 * mild yearly wave, a gentle upward trend and noise; users ≤ sessions, clicks ≤ impressions,
 * conversions ≤ clicks; new users ≤ users, engaged sessions ≤ sessions ≤ page views, organic clicks ≤
 * organic impressions, and an average search position of at least 1.
 */
@Component
public class DemoProvider implements MetricsProvider {
    private static final long TREND_ORIGIN = LocalDate.of(2024, 1, 1).toEpochDay();
    private static final double TREND_PER_YEAR = 0.18;
    private static final Map<DayOfWeek, Double> WEEKDAY = Map.of(
            DayOfWeek.MONDAY, 1.04, DayOfWeek.TUESDAY, 1.08, DayOfWeek.WEDNESDAY, 1.07, DayOfWeek.THURSDAY, 1.03,
            DayOfWeek.FRIDAY, 0.95, DayOfWeek.SATURDAY, 0.72, DayOfWeek.SUNDAY, 0.66);

    private record Profile(double baseSessions, double usersPerSession, double paidShare, double ctr, double cpc,
                           double conversionRate, double orderValue, double newUserShare, double engagedShare,
                           double pagesPerSession, double secondsPerEngaged, double organicReach, double organicCtr,
                           double position) {
    }

    @Override
    public String key() {
        return ProviderInfo.DEMO;
    }

    @Override
    public Fetched fetch(FetchRequest request) {
        return new Fetched(days(request.clientId(), request.from(), request.to()), null, null);
    }

    /** The days {@code from}..{@code to} of a client, the same on every call. */
    public List<DayMetrics> days(UUID clientId, LocalDate from, LocalDate to) {
        Profile profile = profile(clientId);
        List<DayMetrics> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.add(day(profile, clientId, day));
        }
        return days;
    }

    private static long seed(UUID clientId) {
        return clientId.getMostSignificantBits() * 31 + clientId.getLeastSignificantBits();
    }

    private static Profile profile(UUID clientId) {
        SplittableRandom r = new SplittableRandom(seed(clientId));
        return new Profile(r.nextDouble(300, 3000), r.nextDouble(0.68, 0.86), r.nextDouble(0.35, 0.6),
                r.nextDouble(0.02, 0.06), r.nextDouble(0.4, 2.5), r.nextDouble(0.01, 0.04), r.nextDouble(30, 150),
                r.nextDouble(0.5, 0.8), r.nextDouble(0.45, 0.75), r.nextDouble(1.6, 4.5), r.nextDouble(40, 160),
                r.nextDouble(4, 20), r.nextDouble(0.015, 0.06), r.nextDouble(4, 25));
    }

    private static DayMetrics day(Profile p, UUID clientId, LocalDate date) {
        SplittableRandom r = new SplittableRandom(seed(clientId) + date.toEpochDay() * 0x9E3779B97F4A7C15L);
        double years = (date.toEpochDay() - TREND_ORIGIN) / 365.25;
        double trend = Math.exp(TREND_PER_YEAR * years);
        double wave = 1 + 0.08 * Math.sin(2 * Math.PI * date.getDayOfYear() / 365.25);
        long sessions = Math.max(1, Math.round(p.baseSessions() * trend * wave * WEEKDAY.get(date.getDayOfWeek())
                * noise(r, 0.08)));
        long users = Math.min(sessions, Math.round(sessions * p.usersPerSession() * noise(r, 0.03)));
        long clicks = Math.min(sessions, Math.round(sessions * p.paidShare() * noise(r, 0.06)));
        double ctr = Math.min(0.5, p.ctr() * noise(r, 0.1));
        long impressions = Math.max(clicks, Math.round(clicks / ctr));
        long conversions = Math.min(clicks, Math.round(sessions * p.conversionRate() * noise(r, 0.2)));
        BigDecimal cost = money(clicks * p.cpc() * noise(r, 0.07));
        BigDecimal revenue = money(conversions * p.orderValue() * noise(r, 0.15));
        Map<String, BigDecimal> metrics = new LinkedHashMap<>();
        metrics.put("sessions", BigDecimal.valueOf(sessions));
        metrics.put("users", BigDecimal.valueOf(users));
        metrics.put("conversions", BigDecimal.valueOf(conversions));
        metrics.put("revenue", revenue);
        metrics.put("impressions", BigDecimal.valueOf(impressions));
        metrics.put("clicks", BigDecimal.valueOf(clicks));
        metrics.put("cost", cost);
        // drawn after the original seven so that their values stay what they always were
        long newUsers = Math.min(users, Math.round(users * p.newUserShare() * noise(r, 0.05)));
        long engaged = Math.min(sessions, Math.round(sessions * p.engagedShare() * noise(r, 0.04)));
        long pageViews = Math.max(sessions, Math.round(sessions * p.pagesPerSession() * noise(r, 0.06)));
        long engagementSeconds = Math.round(engaged * p.secondsPerEngaged() * noise(r, 0.1));
        long transactions = Math.min(conversions, Math.round(conversions * 0.8 * noise(r, 0.1)));
        long organicImpressions = Math.round(sessions * p.organicReach() * noise(r, 0.09));
        long organicClicks = Math.min(organicImpressions,
                Math.round(organicImpressions * p.organicCtr() * noise(r, 0.08)));
        double position = Math.max(1, p.position() * noise(r, 0.05));
        metrics.put("new_users", BigDecimal.valueOf(newUsers));
        metrics.put("engaged_sessions", BigDecimal.valueOf(engaged));
        metrics.put("page_views", BigDecimal.valueOf(pageViews));
        metrics.put("engagement_seconds", BigDecimal.valueOf(engagementSeconds));
        metrics.put("transactions", BigDecimal.valueOf(transactions));
        metrics.put("organic_impressions", BigDecimal.valueOf(organicImpressions));
        metrics.put("organic_clicks", BigDecimal.valueOf(organicClicks));
        metrics.put("position_x_impressions",
                BigDecimal.valueOf(position * organicImpressions).setScale(2, RoundingMode.HALF_UP));
        return new DayMetrics(date, metrics);
    }

    /** A factor around 1 with the given spread, clamped so it never turns numbers negative. */
    private static double noise(SplittableRandom r, double spread) {
        return Math.max(0.5, Math.min(1.5, 1 + r.nextGaussian() * spread));
    }

    private static BigDecimal money(double amount) {
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP);
    }
}
