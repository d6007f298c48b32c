package com.webprometrics.command.reports;

import com.webprometrics.command.reports.ReportCommands.ChangeReport;
import com.webprometrics.command.reports.ReportCommands.CreateReport;
import com.webprometrics.command.reports.ReportCommands.DeleteReport;
import com.webprometrics.command.reports.ReportCommands.RecordDelivery;
import com.webprometrics.command.reports.ReportCommands.RecordDeliveryFailure;
import com.webprometrics.command.reports.ReportCommands.RequestDelivery;
import com.webprometrics.events.reports.ReportChanged;
import com.webprometrics.events.reports.ReportCreated;
import com.webprometrics.events.reports.ReportDeleted;
import com.webprometrics.events.reports.ReportDelivered;
import com.webprometrics.events.reports.ReportDeliveryFailed;
import com.webprometrics.events.reports.ReportDeliveryRequested;
import com.webprometrics.events.reports.ReportScheduleCancelled;
import com.webprometrics.events.reports.ReportScheduled;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static com.webprometrics.command.support.Rejected.rejected;
import static org.assertj.core.api.Assertions.assertThat;

class ReportTest {
    private static final UUID REPORT = UUID.randomUUID();
    private static final UUID AGENCY = UUID.randomUUID();
    private static final UUID CLIENT = UUID.randomUUID();
    private static final UUID DELIVERY = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2025-03-17T10:15:30Z");
    private static final List<String> METRICS = List.of("sessions", "cost", "roas");
    private static final List<String> TO = List.of("ceo@client.test");

    private AggregateTestFixture<Report> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Report.class);
        // CreateReportHandler checks the client and the agency through their aggregates; here the agency is in Berlin
        fixture.registerAnnotatedCommandHandler(new Object() {
            @org.axonframework.commandhandling.CommandHandler
            void handle(CreateReport command) throws Exception {
                fixture.getRepository().newInstance(() -> new Report(command, "Europe/Berlin"));
            }
        });
    }

    private static ReportCreated created() {
        return new ReportCreated(REPORT, AGENCY, CLIENT, "Weekly KPIs", METRICS, null, null, "last_7_days",
                "Europe/Berlin");
    }

    private static ReportScheduled scheduled() {
        return new ReportScheduled(REPORT, AGENCY, CLIENT, "weekly", "pdf", TO, "Europe/Berlin");
    }

    private static ReportDeliveryRequested requested() {
        return new ReportDeliveryRequested(REPORT, AGENCY, CLIENT, DELIVERY, "manual", "pdf", TO,
                LocalDate.parse("2025-03-17"), "Weekly KPIs");
    }

    private static RenderedFile file() {
        return new RenderedFile("weekly-kpis.pdf", "application/pdf", "pdf", "%PDF-1.4 x".getBytes(StandardCharsets.UTF_8),
                LocalDate.parse("2025-03-10"), LocalDate.parse("2025-03-16"), 42);
    }

    @Test
    void creatingWithAScheduleRecordsBoth() {
        fixture.givenNoPriorActivity()
                .when(new CreateReport(REPORT, AGENCY, CLIENT,
                        new ReportDefinition("Weekly KPIs", METRICS, null, null, "last_7_days"),
                        new DeliverySchedule("weekly", null, TO)))
                .expectEvents(created(), scheduled());
    }

    @Test
    void unknownMetricsAreRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateReport(REPORT, AGENCY, CLIENT,
                        new ReportDefinition("KPIs", List.of("sessions", "bounces"), null, null, "last_7_days"), null))
                .expectException(rejected(ReportRejection.INVALID_DEFINITION))
                .expectExceptionMessage("metrics[1] is not a metric: bounces.")
                .expectNoEvents();
    }

    @Test
    void definitionRulesNameTheField() {
        LocalDate d = LocalDate.parse("2025-03-10");
        assertThat(new ReportDefinition("t", METRICS, d, d.minusDays(1), null).problems())
                .containsExactly(new FieldProblem("from", "must not be after to"));
        assertThat(new ReportDefinition("t", METRICS, d, d, "last_7_days").problems())
                .containsExactly(new FieldProblem("range", "give either range or from and to, not both"));
        assertThat(new ReportDefinition("t", METRICS, null, null, "yesterday").problems()).hasSize(1);
        assertThat(new ReportDefinition("t", List.of("sessions", "sessions", "position_x_impressions"), null, null,
                "last_month").problems()).extracting(FieldProblem::field).containsExactly("metrics[1]", "metrics[2]");
        assertThat(new ReportDefinition(" ", METRICS, d, null, null).problems()).extracting(FieldProblem::field)
                .containsExactly("title", "to");
        assertThat(DeliverySchedule.recipientProblems(List.of("a@b.test", "A@B.test", "not-mail", "x@y.test\r\nBcc: z"),
                "recipients")).extracting(FieldProblem::field)
                .containsExactly("recipients[1]", "recipients[2]", "recipients[3]");
        assertThat(new DeliverySchedule("daily", "docx", List.of()).problems("schedule.")).extracting(FieldProblem::field)
                .containsExactly("schedule.frequency", "schedule.format", "schedule.recipients");
    }

    @Test
    void aPatchChangesOnlyWhatItNamesAndCanCancelTheSchedule() {
        ReportPatch toFixed = new ReportPatch(null, null, true, LocalDate.parse("2025-01-01"), true,
                LocalDate.parse("2025-01-31"), false, null);
        fixture.given(created(), scheduled())
                .when(new ChangeReport(REPORT, AGENCY, toFixed, true, null))
                .expectEvents(new ReportChanged(REPORT, AGENCY, CLIENT, "Weekly KPIs", METRICS,
                                LocalDate.parse("2025-01-01"), LocalDate.parse("2025-01-31"), null),
                        new ReportScheduleCancelled(REPORT, AGENCY, CLIENT));
    }

    @Test
    void aPatchThatBreaksARuleChangesNothing() {
        ReportPatch onlyFrom = new ReportPatch("New title", null, true, LocalDate.parse("2025-01-01"), false, null,
                false, null);
        fixture.given(created())
                .when(new ChangeReport(REPORT, AGENCY, onlyFrom, true, new DeliverySchedule("monthly", "csv", TO)))
                .expectException(rejected(ReportRejection.INVALID_DEFINITION))
                .expectExceptionMessage("to is required together with from.")
                .expectNoEvents();
    }

    @Test
    void anUnchangedPatchRecordsNothing() {
        fixture.given(created(), scheduled())
                .when(new ChangeReport(REPORT, AGENCY, new ReportPatch("Weekly KPIs", null, false, null, false, null,
                        true, "last_7_days"), true, new DeliverySchedule("weekly", "pdf", TO)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anotherAgencysOrADeletedReportIsNotFound() {
        fixture.given(created())
                .when(new DeleteReport(REPORT, UUID.randomUUID()))
                .expectException(rejected(ReportRejection.NOT_FOUND));
        fixture.given(created(), new ReportDeleted(REPORT, AGENCY, CLIENT))
                .when(new RequestDelivery(REPORT, AGENCY, DELIVERY, "manual", null, TO, null, NOW))
                .expectException(rejected(ReportRejection.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void aDeletedReportTakesNoNewDeliveriesButRecordsOneOnItsWay() {
        fixture.given(created(), scheduled(), requested())
                .when(new DeleteReport(REPORT, AGENCY))
                .expectEvents(new ReportDeleted(REPORT, AGENCY, CLIENT));
        RenderedFile file = file();
        fixture.given(created(), scheduled(), requested(), new ReportDeleted(REPORT, AGENCY, CLIENT))
                .when(new RecordDelivery(REPORT, AGENCY, DELIVERY, file, TO, NOW, 1))
                .expectEvents(new ReportDelivered(REPORT, AGENCY, CLIENT, DELIVERY, "pdf", file.from(), file.to(), TO,
                        "weekly-kpis.pdf", file.sha256(), file.content().length, 42, NOW, 1));
    }

    @Test
    void aDeliveryUsesTheScheduleAndTheDayInTheAgencysTimeZone() {
        Instant lateSundayInBerlin = Instant.parse("2025-03-16T23:30:00Z");
        fixture.given(created(), scheduled())
                .when(new RequestDelivery(REPORT, AGENCY, DELIVERY, "manual", null, null, null, lateSundayInBerlin))
                .expectResultMessagePayload(true)
                .expectEvents(requested());
    }

    @Test
    void theSameDeliveryIsRequestedOnce() {
        fixture.given(created(), scheduled(), requested())
                .when(new RequestDelivery(REPORT, AGENCY, DELIVERY, "schedule", null, null, LocalDate.parse("2025-03-17"), NOW))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void withoutAScheduleADeliveryNeedsRecipients() {
        fixture.given(created())
                .when(new RequestDelivery(REPORT, AGENCY, DELIVERY, "manual", null, null, null, NOW))
                .expectException(rejected(ReportRejection.NO_RECIPIENTS))
                .expectNoEvents();
    }

    @Test
    void aDeliveryIsRecordedOnceWithItsFileAndPosition() {
        RenderedFile file = file();
        fixture.given(created(), scheduled(), requested())
                .when(new RecordDelivery(REPORT, AGENCY, DELIVERY, file, TO, NOW, 1))
                .expectEvents(new ReportDelivered(REPORT, AGENCY, CLIENT, DELIVERY, "pdf", file.from(), file.to(), TO,
                        "weekly-kpis.pdf", file.sha256(), file.content().length, 42, NOW, 1));

        fixture.given(created(), requested(), new ReportDelivered(REPORT, AGENCY, CLIENT, DELIVERY, "pdf", file.from(),
                        file.to(), TO, "weekly-kpis.pdf", file.sha256(), 10, 42, NOW, 1))
                .when(new RecordDelivery(REPORT, AGENCY, DELIVERY, file, TO, NOW.plusSeconds(600), 2))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aFailureIsRecordedUntilTheDeliveryGivesUp() {
        Instant retry = NOW.plusSeconds(120);
        fixture.given(created(), requested())
                .when(new RecordDeliveryFailure(REPORT, AGENCY, DELIVERY, "smtp", "refused", 1, NOW, retry))
                .expectEvents(new ReportDeliveryFailed(REPORT, AGENCY, CLIENT, DELIVERY, "smtp", "refused", 1, NOW, retry));

        fixture.given(created(), requested(),
                        new ReportDeliveryFailed(REPORT, AGENCY, CLIENT, DELIVERY, "no-smtp", "none", 1, NOW, null))
                .when(new RecordDeliveryFailure(REPORT, AGENCY, DELIVERY, "smtp", "again", 2, NOW, null))
                .expectNoEvents();
    }

    @Test
    void weeklyIsMondayAndMonthlyTheFirstAtTheHourInTheAgencysZone() {
        // Friday 2025-03-14 12:00 UTC
        Instant friday = Instant.parse("2025-03-14T12:00:00Z");
        assertThat(DeliveryCalendar.next("weekly", "Europe/Berlin", 6, friday))
                .isEqualTo(Instant.parse("2025-03-17T05:00:00Z"));
        assertThat(DeliveryCalendar.next("monthly", "Europe/Berlin", 6, friday))
                .isEqualTo(Instant.parse("2025-04-01T04:00:00Z")); // summer time by then
        // exactly at the due instant: the next one
        assertThat(DeliveryCalendar.next("weekly", "UTC", 6, Instant.parse("2025-03-17T06:00:00Z")))
                .isEqualTo(Instant.parse("2025-03-24T06:00:00Z"));
        // Monday before the hour: today
        assertThat(DeliveryCalendar.next("weekly", "America/New_York", 6, Instant.parse("2025-03-17T09:00:00Z")))
                .isEqualTo(Instant.parse("2025-03-17T10:00:00Z"));
        assertThat(DeliveryCalendar.day(Instant.parse("2025-03-17T05:00:00Z"), "Europe/Berlin"))
                .isEqualTo(LocalDate.parse("2025-03-17"));
    }
}
