package com.webprometrics.command.integrations;

import com.webprometrics.command.clients.Client;
import com.webprometrics.command.integrations.IntegrationCommands.CompleteSync;
import com.webprometrics.command.integrations.IntegrationCommands.ConnectIntegration;
import com.webprometrics.command.integrations.IntegrationCommands.DisconnectIntegration;
import com.webprometrics.command.integrations.IntegrationCommands.FailSync;
import com.webprometrics.command.integrations.IntegrationCommands.StartSync;
import com.webprometrics.command.integrations.IntegrationCommands.SyncPlan;
import com.webprometrics.events.clients.ClientArchived;
import com.webprometrics.events.clients.ClientCreated;
import com.webprometrics.events.integrations.DailyMetricsRecorded;
import com.webprometrics.events.integrations.IntegrationConnected;
import com.webprometrics.events.integrations.IntegrationDisconnected;
import com.webprometrics.events.integrations.IntegrationSyncFailed;
import com.webprometrics.events.integrations.IntegrationSyncStarted;
import com.webprometrics.events.integrations.IntegrationSyncSucceeded;
import com.webprometrics.platform.domain.DomainException;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

class IntegrationTest {
    private static final UUID INTEGRATION = UUID.randomUUID();
    private static final UUID AGENCY = UUID.randomUUID();
    private static final UUID CLIENT = UUID.randomUUID();
    private static final UUID SYNC = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2025-03-10T08:00:00Z");
    private static final LocalDate YESTERDAY = LocalDate.parse("2025-03-09");

    private AggregateTestFixture<Integration> fixture;
    private EmbeddedEventStore clientEvents;
    private final java.util.Map<UUID, Instant> scheduled = new java.util.HashMap<>();
    private final SyncSchedule schedule = new SyncSchedule() {
        @Override
        public void add(UUID integrationId, UUID agencyId, Instant firstDue) {
            scheduled.put(integrationId, firstDue);
        }

        @Override
        public void remove(UUID integrationId) {
            scheduled.remove(integrationId);
        }

        @Override
        public java.util.List<Due> claimDue(Instant now, Instant nextDue, int limit) {
            throw new UnsupportedOperationException("claims are tested against PostgreSQL");
        }
    };

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Integration.class);
        clientEvents = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        EventSourcingRepository<Client> clients = EventSourcingRepository.builder(Client.class).eventStore(clientEvents).build();
        fixture.registerInjectableResource(schedule);
        fixture.registerAnnotatedCommandHandler(new ConnectIntegrationHandler(clients, fixture.getRepository(), schedule,
                java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC), java.time.Duration.ofHours(6)));
    }

    private void clientExists(UUID agency, boolean archived) {
        clientEvents.publish(new GenericDomainEventMessage<>("Client", CLIENT.toString(), 0,
                new ClientCreated(CLIENT, agency, "Acme", null, null, null, null)));
        if (archived) {
            clientEvents.publish(new GenericDomainEventMessage<>("Client", CLIENT.toString(), 1,
                    new ClientArchived(CLIENT, agency)));
        }
    }

    private static IntegrationConnected connected(String provider) {
        return new IntegrationConnected(INTEGRATION, AGENCY, CLIENT, provider, "Demo data", Map.of());
    }

    private static IntegrationSyncStarted started(UUID sync, LocalDate from, LocalDate to) {
        return new IntegrationSyncStarted(INTEGRATION, AGENCY, CLIENT, "demo", sync, from, to, "manual");
    }

    private static StartSync startAt(Instant at) {
        return new StartSync(INTEGRATION, AGENCY, SYNC, null, null, "manual", at);
    }

    private static DailyMetricsRecorded recorded(LocalDate date, Map<String, BigDecimal> metrics) {
        return new DailyMetricsRecorded(INTEGRATION, AGENCY, CLIENT, "demo", date, metrics, "USD");
    }

    @Test
    void connectingTheCallersClientRecordsTheConnection() {
        clientExists(AGENCY, false);
        fixture.givenNoPriorActivity()
                .when(new ConnectIntegration(INTEGRATION, AGENCY, CLIENT, "demo", null, Map.of()))
                .expectEvents(connected("demo"));
        assertThat(scheduled).as("a fetched integration is due again after the sync interval")
                .containsEntry(INTEGRATION, NOW.plusSeconds(6 * 3600));
    }

    @Test
    void uploadIntegrationsAreNotScheduled() {
        clientExists(AGENCY, false);
        fixture.givenNoPriorActivity()
                .when(new ConnectIntegration(INTEGRATION, AGENCY, CLIENT, "csv", null, Map.of()))
                .expectSuccessfulHandlerExecution();
        assertThat(scheduled).isEmpty();
    }

    @Test
    void providersThatAreNotBuiltYetAreRefused() {
        clientExists(AGENCY, false);
        fixture.givenNoPriorActivity()
                .when(new ConnectIntegration(INTEGRATION, AGENCY, CLIENT, "ga4", null, Map.of()))
                .expectExceptionMessage("Provider ga4 is not available yet.")
                .expectNoEvents();
    }

    @Test
    void unknownProvidersAreRefused() {
        clientExists(AGENCY, false);
        fixture.givenNoPriorActivity()
                .when(new ConnectIntegration(INTEGRATION, AGENCY, CLIENT, "myspace", null, Map.of()))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void anotherAgencysClientCannotBeConnected() {
        clientExists(UUID.randomUUID(), false);
        fixture.givenNoPriorActivity()
                .when(new ConnectIntegration(INTEGRATION, AGENCY, CLIENT, "demo", null, Map.of()))
                .expectExceptionMessage("The client was not found.")
                .expectNoEvents();
    }

    @Test
    void anUnknownClientCannotBeConnected() {
        fixture.givenNoPriorActivity()
                .when(new ConnectIntegration(INTEGRATION, AGENCY, CLIENT, "demo", null, Map.of()))
                .expectExceptionMessage("The client was not found.")
                .expectNoEvents();
    }

    @Test
    void anArchivedClientGetsNoNewIntegrations() {
        clientExists(AGENCY, true);
        fixture.givenNoPriorActivity()
                .when(new ConnectIntegration(INTEGRATION, AGENCY, CLIENT, "demo", null, Map.of()))
                .expectException(DomainException.class)
                .expectExceptionMessage("An archived client cannot get new integrations; restore it first.")
                .expectNoEvents();
    }

    @Test
    void theFirstSyncCoversTheYearEndingYesterday() {
        fixture.given(connected("demo"))
                .when(startAt(NOW))
                .expectEvents(started(SYNC, YESTERDAY.minusDays(364), YESTERDAY))
                .expectResultMessagePayload(new SyncPlan(INTEGRATION, SYNC, CLIENT, "demo", Map.of(),
                        YESTERDAY.minusDays(364), YESTERDAY));
    }

    @Test
    void laterSyncsRefetchTheLastThreeDaysUpToYesterday() {
        UUID first = UUID.randomUUID();
        fixture.given(connected("demo"), started(first, YESTERDAY.minusDays(364), YESTERDAY),
                        new IntegrationSyncSucceeded(INTEGRATION, AGENCY, CLIENT, "demo", first,
                                YESTERDAY.minusDays(364), YESTERDAY, 365))
                .when(startAt(NOW.plus(Duration.ofDays(2))))
                .expectEvents(started(SYNC, YESTERDAY.minusDays(3), YESTERDAY.plusDays(2)));
    }

    @Test
    void aSecondSyncIsRefusedWhileOneRuns() {
        fixture.givenCurrentTime(NOW)
                .andGiven(connected("demo"), started(UUID.randomUUID(), YESTERDAY, YESTERDAY))
                .when(startAt(NOW.plus(Duration.ofMinutes(14))))
                .expectException(DomainException.class)
                .expectExceptionMessage("A sync is already running")
                .expectNoEvents();
    }

    @Test
    void aSyncThatDidNotFinishIn15MinutesIsSuperseded() {
        fixture.givenCurrentTime(NOW)
                .andGiven(connected("demo"), started(UUID.randomUUID(), YESTERDAY, YESTERDAY))
                .when(startAt(NOW.plus(Duration.ofMinutes(16))))
                .expectEvents(started(SYNC, YESTERDAY.minusDays(364), YESTERDAY));
    }

    @Test
    void aFailedSyncLetsTheNextOneStart() {
        UUID running = UUID.randomUUID();
        fixture.givenCurrentTime(NOW)
                .andGiven(connected("demo"), started(running, YESTERDAY, YESTERDAY),
                        new IntegrationSyncFailed(INTEGRATION, AGENCY, CLIENT, "demo", running, "quota", "rate limited"))
                .when(startAt(NOW.plus(Duration.ofMinutes(1))))
                .expectEvents(started(SYNC, YESTERDAY.minusDays(364), YESTERDAY));
    }

    @Test
    void completingRecordsOnlyTheDaysWhoseNumbersChanged() {
        UUID first = UUID.randomUUID();
        LocalDate d1 = YESTERDAY.minusDays(1);
        fixture.given(connected("demo"), started(first, d1, YESTERDAY),
                        recorded(d1, Map.of("sessions", new BigDecimal("10"), "cost", new BigDecimal("1.50"))),
                        recorded(YESTERDAY, Map.of("sessions", new BigDecimal("5"))),
                        new IntegrationSyncSucceeded(INTEGRATION, AGENCY, CLIENT, "demo", first, d1, YESTERDAY, 2),
                        started(SYNC, d1, YESTERDAY))
                .when(new CompleteSync(INTEGRATION, AGENCY, SYNC, List.of(
                        new DayMetrics(d1, Map.of("sessions", new BigDecimal("10.0"), "cost", new BigDecimal("1.5"))),
                        new DayMetrics(YESTERDAY, Map.of("sessions", new BigDecimal("6")))), "USD"))
                .expectEvents(recorded(YESTERDAY, Map.of("sessions", new BigDecimal("6"))),
                        new IntegrationSyncSucceeded(INTEGRATION, AGENCY, CLIENT, "demo", SYNC, d1, YESTERDAY, 1))
                .expectResultMessagePayload(1);
    }

    @Test
    void onlyTheRunningSyncCanComplete() {
        fixture.given(connected("demo"), started(UUID.randomUUID(), YESTERDAY, YESTERDAY))
                .when(new CompleteSync(INTEGRATION, AGENCY, SYNC, List.of(), "USD"))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void daysOutsideTheSyncsRangeAreRefused() {
        fixture.given(connected("demo"), started(SYNC, YESTERDAY, YESTERDAY))
                .when(new CompleteSync(INTEGRATION, AGENCY, SYNC,
                        List.of(new DayMetrics(YESTERDAY.minusDays(1), Map.of("sessions", BigDecimal.ONE))), "USD"))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void aFailureIsRecordedWithItsReason() {
        fixture.given(connected("demo"), started(SYNC, YESTERDAY, YESTERDAY))
                .when(new FailSync(INTEGRATION, AGENCY, SYNC, "auth", "token revoked"))
                .expectEvents(new IntegrationSyncFailed(INTEGRATION, AGENCY, CLIENT, "demo", SYNC, "auth", "token revoked"));
    }

    @Test
    void aDisconnectedIntegrationDoesNotSync() {
        fixture.given(connected("demo"), new IntegrationDisconnected(INTEGRATION, AGENCY, CLIENT, "demo"))
                .when(startAt(NOW))
                .expectException(DomainException.class)
                .expectExceptionMessage("The integration is disconnected.")
                .expectNoEvents();
    }

    @Test
    void disconnectingEndsTheConnection() {
        fixture.given(connected("demo"))
                .when(new DisconnectIntegration(INTEGRATION, AGENCY))
                .expectEvents(new IntegrationDisconnected(INTEGRATION, AGENCY, CLIENT, "demo"));
        assertThat(scheduled).doesNotContainKey(INTEGRATION);
    }

    @Test
    void anotherAgencySeesNoSuchIntegration() {
        fixture.given(connected("demo"))
                .when(new StartSync(INTEGRATION, UUID.randomUUID(), SYNC, null, null, "manual", NOW))
                .expectExceptionMessage("The integration was not found.")
                .expectNoEvents();
    }

    @Test
    void csvIntegrationsAreFilledByUploadsOnly() {
        fixture.given(connected("csv"))
                .when(startAt(NOW))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void fetchedIntegrationsTakeNoUploads() {
        fixture.given(connected("demo"))
                .when(new StartSync(INTEGRATION, AGENCY, SYNC, YESTERDAY, YESTERDAY, Providers.CSV_UPLOAD_TRIGGER, NOW))
                .expectExceptionMessage("Only CSV integrations accept uploads.")
                .expectNoEvents();
    }
}
