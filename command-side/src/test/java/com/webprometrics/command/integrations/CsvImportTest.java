package com.webprometrics.command.integrations;

import com.webprometrics.command.integrations.IntegrationCommands.CompleteSync;
import com.webprometrics.command.integrations.IntegrationCommands.StartSync;
import com.webprometrics.command.integrations.CsvImport.LineError;
import com.webprometrics.events.integrations.DailyMetricsRecorded;
import com.webprometrics.events.integrations.IntegrationConnected;
import com.webprometrics.events.integrations.IntegrationSyncStarted;
import com.webprometrics.events.integrations.IntegrationSyncSucceeded;
import com.webprometrics.platform.domain.DomainException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvImportTest {
    private static final LocalDate TODAY = LocalDate.parse("2025-03-10");

    private static CsvImport.Result parse(String csv) {
        return CsvImport.parse(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), TODAY);
    }

    @Test
    void longFormatGroupsLinesPerDay() {
        CsvImport.Result result = parse("""
                date,metric,value
                2025-03-01,sessions,120
                2025-03-01,cost,12.50
                2025-03-02,sessions,99
                """);
        assertThat(result.rowsAccepted()).isEqualTo(3);
        assertThat(result.rowsRejected()).isZero();
        assertThat(result.days()).containsExactly(
                new DayMetrics(LocalDate.parse("2025-03-01"), Map.of("sessions", new BigDecimal("120"), "cost", new BigDecimal("12.50"))),
                new DayMetrics(LocalDate.parse("2025-03-02"), Map.of("sessions", new BigDecimal("99"))));
    }

    @Test
    void wideFormatTakesOneDayPerLineAndSkipsEmptyCells() {
        CsvImport.Result result = parse("\uFEFFDate,Sessions,Clicks,Revenue\r\n2025-03-01,120,40,99.90\r\n\"2025-03-02\",80,,\r\n\r\n");
        assertThat(result.rowsAccepted()).isEqualTo(2);
        assertThat(result.errors()).isEmpty();
        assertThat(result.days()).containsExactly(
                new DayMetrics(LocalDate.parse("2025-03-01"), Map.of("sessions", new BigDecimal("120"),
                        "clicks", new BigDecimal("40"), "revenue", new BigDecimal("99.90"))),
                new DayMetrics(LocalDate.parse("2025-03-02"), Map.of("sessions", new BigDecimal("80"))));
    }

    @Test
    void everyBadLineIsReportedWithItsNumberAndReason() {
        CsvImport.Result result = parse("""
                date,metric,value
                2025-03-01,sessions,120
                03/02/2025,sessions,5
                2025-03-02,bounces,5
                2025-03-02,cost,1,5
                2025-03-02,cost,abc
                2025-03-02,sessions,-3
                2025-03-02,users,2.5
                2099-01-01,sessions,1
                2025-03-01,sessions,121
                1999-12-31,sessions,1
                2025-03-02,sessions,1000000000001

                2025-03-03,revenue,10.25
                """);
        assertThat(result.rowsAccepted()).isEqualTo(2);
        assertThat(result.rowsRejected()).isEqualTo(10);
        assertThat(result.errors()).extracting(LineError::line).containsExactly(3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(result.errors()).extracting(LineError::message).containsExactly(
                "date \"03/02/2025\" is not an ISO date (YYYY-MM-DD)",
                "unknown metric \"bounces\"; use one of " + String.join(", ", com.webprometrics.events.catalogue.Metric.KEYS),
                "expected 3 columns (date,metric,value), found 4",
                "cost value \"abc\" is not a number (digits, with . for decimals)",
                "sessions must not be negative",
                "users must be a whole number",
                "date 2099-01-01 is in the future",
                "sessions for 2025-03-01 was already given on line 2",
                "date 1999-12-31 is before 2000-01-01",
                "sessions value 1000000000001 is too large (at most 1000000000000)");
        assertThat(result.days()).extracting(DayMetrics::date)
                .containsExactly(LocalDate.parse("2025-03-01"), LocalDate.parse("2025-03-03"));
    }

    @Test
    void wideLinesAreCheckedWhole() {
        CsvImport.Result result = parse("""
                date,sessions,cost
                2025-03-01,10,1.00
                2025-03-02,10
                2025-03-03,x,1
                2025-03-04,,
                2025-03-01,11,2
                """);
        assertThat(result.rowsAccepted()).isEqualTo(1);
        assertThat(result.errors()).containsExactly(
                new LineError(3, "expected 3 columns, found 2"),
                new LineError(4, "sessions value \"x\" is not a number (digits, with . for decimals)"),
                new LineError(5, "no values on this line"),
                new LineError(6, "date 2025-03-01 was already given on line 2"));
    }

    @Test
    void aFileWithoutAUsableHeaderIsRefusedWhole() {
        assertThatThrownBy(() -> parse("")).isInstanceOf(DomainException.class).hasMessageContaining("The file is empty");
        assertThatThrownBy(() -> parse("2025-03-01,sessions,1\n")).isInstanceOf(DomainException.class)
                .hasMessageContaining("The header must be date,metric,value");
        assertThatThrownBy(() -> parse("date,sessions,bounces\n")).hasMessageContaining("Unknown metric column \"bounces\"");
        assertThatThrownBy(() -> parse("date,sessions,sessions\n")).hasMessageContaining("twice");
    }

    @Test
    void moreThan50000LinesAreRefused() {
        StringBuilder csv = new StringBuilder("date,metric,value\n");
        csv.append("2025-03-01,sessions,1\n".repeat(CsvImport.MAX_LINES));
        assertThatThrownBy(() -> parse(csv.toString())).isInstanceOf(DomainException.class)
                .hasMessageContaining("more than 50000 lines");
        StringBuilder ok = new StringBuilder("date,metric,value\n");
        ok.append("2025-03-01,sessions,1\n".repeat(CsvImport.MAX_LINES - 1));
        assertThat(parse(ok.toString()).rowsRejected()).isEqualTo(CsvImport.MAX_LINES - 2);
    }

    @Test
    void theSameUploadTwiceRecordsNothingNew() {
        UUID integration = UUID.randomUUID();
        UUID agency = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        CsvImport.Result upload = parse("""
                date,sessions,cost
                2025-03-01,10,1.00
                2025-03-02,12,2.00
                """);
        LocalDate from = LocalDate.parse("2025-03-01");
        LocalDate to = LocalDate.parse("2025-03-02");
        List<Object> history = new ArrayList<>(List.of(
                new IntegrationConnected(integration, agency, client, "csv", "CSV upload", Map.of()),
                new IntegrationSyncStarted(integration, agency, client, "csv", first, from, to, "csv-upload")));
        for (DayMetrics day : upload.days()) {
            history.add(new DailyMetricsRecorded(integration, agency, client, "csv", day.date(), day.metrics(), "USD"));
        }
        history.add(new IntegrationSyncSucceeded(integration, agency, client, "csv", first, from, to, 2));

        AggregateTestFixture<Integration> fixture = new AggregateTestFixture<>(Integration.class);
        fixture.given(history)
                .andGivenCommands(new StartSync(integration, agency, second, from, to, "csv-upload", Instant.now()))
                .when(new CompleteSync(integration, agency, second, parse("""
                        date,metric,value
                        2025-03-02,sessions,12
                        2025-03-01,sessions,10
                        2025-03-01,cost,1.0
                        2025-03-02,cost,2
                        """).days(), "USD"))
                .expectEvents(new IntegrationSyncSucceeded(integration, agency, client, "csv", second, from, to, 0, "USD",
                        null));
    }
}
