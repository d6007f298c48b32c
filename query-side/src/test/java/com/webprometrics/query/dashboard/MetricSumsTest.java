package com.webprometrics.query.dashboard;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MetricSumsTest {

    @Test
    void sumsAreExactAndAMetricNoRowReportedStaysAbsent() {
        MetricSums sums = new MetricSums();
        int revenue = MetricSums.KEYS.indexOf("revenue");
        sums.add(revenue, Micros.of(new BigDecimal("0.1")), false);
        sums.add(revenue, Micros.of(new BigDecimal("0.2")), false);
        sums.add(MetricSums.KEYS.indexOf("cost"), 0, true);
        assertThat(sums.toMap()).containsOnlyKeys("revenue");
        assertThat(sums.toMap().get("revenue")).isEqualByComparingTo("0.3");
    }

    @Test
    void aSumBeyondTheRangeOfALongCarriesOnExactly() {
        MetricSums sums = new MetricSums();
        for (int i = 0; i < 3; i++) {
            sums.add(0, Long.MAX_VALUE - 1, false);
        }
        BigDecimal beyondALong = new BigDecimal(Long.MAX_VALUE).multiply(BigDecimal.TEN);
        sums.add(0, beyondALong); // a sum PostgreSQL computed as NUMERIC
        BigDecimal expected = new BigDecimal(Long.MAX_VALUE - 1).multiply(BigDecimal.valueOf(3)).add(beyondALong)
                .movePointLeft(6);
        assertThat(sums.toMap().get(MetricSums.KEYS.get(0))).isEqualByComparingTo(expected);
    }

    @Test
    void microsRoundHalfEvenBeyondSixDecimalsAndPrintWithoutExponents() {
        assertThat(Micros.of(new BigDecimal("1.0000005"))).isEqualTo(1_000_000);
        assertThat(Micros.of(new BigDecimal("1.0000015"))).isEqualTo(1_000_002);
        assertThat(Micros.toDecimal(1_100_000_000L).toString()).isEqualTo("1100");
        assertThat(Micros.toDecimal(1_500_000L).toString()).isEqualTo("1.5");
    }

    @Test
    void dayKeysTellWhichEarlierPositionALaterEventReplaces() {
        DayKeys keys = new DayKeys();
        UUID a = UUID.randomUUID(), b = UUID.randomUUID();
        LocalDate day = LocalDate.parse("2025-01-01");
        for (int i = 0; i < 200_000; i++) {
            assertThat(keys.put(i % 2 == 0 ? a : b, day.plusDays(i / 2), i)).isEqualTo(-1);
        }
        assertThat(keys.put(a, day, 500_000)).isZero();
        assertThat(keys.put(b, day.plusDays(99_999), 500_001)).isEqualTo(199_999);
        assertThat(keys.put(b, day.plusDays(99_999), 500_002)).isEqualTo(500_001);
        assertThat(keys.put(UUID.randomUUID(), day, 500_003)).isEqualTo(-1);
    }
}
