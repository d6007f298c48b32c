package com.webprometrics.command.integrations;

import com.webprometrics.events.catalogue.ProviderInfo;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DemoProviderTest {
    private static final UUID CLIENT = UUID.fromString("3f6a1c2e-7b1d-4e8a-9a57-0c2f4d1e9b10");
    private static final LocalDate FROM = LocalDate.parse("2024-03-01");
    private static final LocalDate TO = LocalDate.parse("2025-02-28");
    private final DemoProvider demo = new DemoProvider();

    @Test
    void theSameInputsGiveTheSameNumbersAndEachDayStandsOnItsOwn() {
        List<DayMetrics> year = demo.days(CLIENT, FROM, TO);
        assertThat(demo.days(CLIENT, FROM, TO)).isEqualTo(year);
        assertThat(year).hasSize(365);
        LocalDate day = LocalDate.parse("2024-07-15");
        assertThat(demo.days(CLIENT, day, day)).containsExactly(
                year.stream().filter(d -> d.date().equals(day)).findFirst().orElseThrow());
        assertThat(demo.days(UUID.randomUUID(), FROM, TO)).isNotEqualTo(year);
    }

    @Test
    void theNumbersAreConsistent() {
        for (UUID client : List.of(CLIENT, UUID.randomUUID(), UUID.randomUUID())) {
            for (DayMetrics day : demo.days(client, FROM, TO)) {
                Map<String, BigDecimal> m = day.metrics();
                assertThat(m.keySet()).containsExactlyInAnyOrderElementsOf(ProviderInfo.find("demo").orElseThrow().metrics());
                assertThat(m.values()).allSatisfy(v -> assertThat(v.signum()).isGreaterThanOrEqualTo(0));
                assertThat(m.get("users")).isLessThanOrEqualTo(m.get("sessions"));
                assertThat(m.get("clicks")).isLessThanOrEqualTo(m.get("impressions"));
                assertThat(m.get("conversions")).isLessThanOrEqualTo(m.get("clicks"));
                assertThat(m.get("new_users")).isLessThanOrEqualTo(m.get("users"));
                assertThat(m.get("engaged_sessions")).isLessThanOrEqualTo(m.get("sessions"));
                assertThat(m.get("page_views")).isGreaterThanOrEqualTo(m.get("sessions"));
                assertThat(m.get("organic_clicks")).isLessThanOrEqualTo(m.get("organic_impressions"));
                assertThat(m.get("position_x_impressions")).isGreaterThanOrEqualTo(m.get("organic_impressions"));
                assertThat(m.get("sessions")).isPositive();
                for (String whole : List.of("sessions", "users", "conversions", "impressions", "clicks")) {
                    assertThat(m.get(whole).scale()).isZero();
                }
                assertThat(m.get("cost").scale()).isEqualTo(2);
                assertThat(m.get("revenue").scale()).isEqualTo(2);
            }
        }
    }

    @Test
    void weekendsAreQuieterThanWeekdays() {
        List<DayMetrics> year = demo.days(CLIENT, FROM, TO);
        assertThat(mean(year, false)).isGreaterThan(mean(year, true) * 1.2);
    }

    @Test
    void trafficTrendsGentlyUpwards() {
        double firstQuarter = demo.days(CLIENT, FROM, FROM.plusDays(90)).stream()
                .mapToDouble(d -> d.metrics().get("sessions").doubleValue()).average().orElseThrow();
        double sameQuarterNextYear = demo.days(CLIENT, FROM.plusYears(1), FROM.plusYears(1).plusDays(90))
                .stream().mapToDouble(d -> d.metrics().get("sessions").doubleValue()).average().orElseThrow();
        assertThat(sameQuarterNextYear).isBetween(firstQuarter * 1.05, firstQuarter * 1.4);
    }

    private static double mean(List<DayMetrics> days, boolean weekend) {
        return days.stream()
                .filter(d -> (d.date().getDayOfWeek() == DayOfWeek.SATURDAY || d.date().getDayOfWeek() == DayOfWeek.SUNDAY) == weekend)
                .mapToDouble(d -> d.metrics().get("sessions").doubleValue()).average().orElseThrow();
    }
}
