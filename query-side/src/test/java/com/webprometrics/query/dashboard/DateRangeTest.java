package com.webprometrics.query.dashboard;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class DateRangeTest {

    private static DateRange range(String from, String to) {
        return new DateRange(LocalDate.parse(from), LocalDate.parse(to));
    }

    @Test
    void aWholeCalendarMonthComparesWithTheWholeMonthBefore() {
        assertThat(range("2025-03-01", "2025-03-31").previous()).isEqualTo(range("2025-02-01", "2025-02-28"));
        assertThat(range("2024-03-01", "2024-03-31").previous()).isEqualTo(range("2024-02-01", "2024-02-29"));
        assertThat(range("2025-05-01", "2025-05-31").previous()).isEqualTo(range("2025-04-01", "2025-04-30"));
        assertThat(range("2025-01-01", "2025-01-31").previous()).isEqualTo(range("2024-12-01", "2024-12-31"));
    }

    @Test
    void anyOtherRangeComparesWithAsManyDaysRightBefore() {
        assertThat(range("2025-03-10", "2025-03-12").previous()).isEqualTo(range("2025-03-07", "2025-03-09"));
        assertThat(range("2025-03-01", "2025-03-30").previous()).isEqualTo(range("2025-01-30", "2025-02-28"));
        assertThat(range("2025-02-01", "2025-03-31").previous()).isEqualTo(range("2024-12-04", "2025-01-31"));
    }
}
