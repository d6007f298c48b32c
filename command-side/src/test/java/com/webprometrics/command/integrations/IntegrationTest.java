package com.webprometrics.command.integrations;

import com.webprometrics.command.support.InMemoryIntegrationPorts;
import com.webprometrics.command.auth.Agency;
import com.webprometrics.command.clients.ActiveClients;
import com.webprometrics.command.clients.Client;
import com.webprometrics.command.integrations.IntegrationCommands.AuthorizeIntegration;
import com.webprometrics.command.integrations.IntegrationCommands.CheckReconnect;
import com.webprometrics.command.integrations.IntegrationCommands.CompleteSync;
import com.webprometrics.command.integrations.IntegrationCommands.ConnectIntegration;
import com.webprometrics.command.integrations.IntegrationCommands.DisconnectIntegration;
import com.webprometrics.command.integrations.IntegrationCommands.FailSync;
import com.webprometrics.command.integrations.IntegrationCommands.Reconnectable;
import com.webprometrics.command.integrations.IntegrationCommands.RecordAuthorizationFailure;
import com.webprometrics.command.integrations.IntegrationCommands.StartSync;
import com.webprometrics.command.integrations.IntegrationCommands.SyncPlan;
import com.webprometrics.command.support.TestProviders;
import com.webprometrics.events.auth.AgencyRegistered;
import com.webprometrics.events.clients.ClientArchived;
import com.webprometrics.events.clients.ClientCreated;
import com.webprometrics.events.integrations.DailyMetricsRecorded;
import com.webprometrics.events.integrations.IntegrationAuthorizationFailed;
import com.webprometrics.events.integrations.IntegrationAuthorized;
import com.webprometrics.events.integrations.IntegrationConnected;
import com.webprometrics.events.integrations.IntegrationDisconnected;
import com.webprometrics.events.integrations.IntegrationRequested;
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

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class IntegrationTest {
    private static final UUID INTEGRATION = UUID.randomUUID();
    private static final UUID AGENCY = UUID.randomUUID();
    private static final UUID CLIENT = UUID.randomUUID();
    private static final UUID SYNC = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2025-03-10T08:00:00Z");
    private static final LocalDate YESTERDAY = LocalDate.parse("2025-03-09");
    private static final Map<String, String> GA4_SETTINGS = Map.of("propertyId", "412345678");

    private AggregateTestFixture<Integration> fixture;
    private EmbeddedEventStore otherAggregates;
    private final InMemoryIntegrationPorts ports = new InMemoryIntegrationPorts();

    /** Stands in for an installed connector, so the provider counts as connectable. */
    private record Installed(String key) implements MetricsProvider {
        @Override
        public Fetched fetch(FetchRequest request) {
            throw new UnsupportedOperationException();
        }
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Integration.class);
        otherAggregates = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        EventSourcingRepository<Client> clients = EventSourcingRepository.builder(Client.class).eventStore(otherAggregates).build();
        EventSourcingRepository<Agency> agencies = EventSourcingRepository.builder(Agency.class).eventStore(otherAggregates).build();
        // Google is configured on this installation, Meta is not
        ConnectableProviders providers = new ConnectableProviders(TestProviders.at("http://localhost:1", true, false),
                List.of(new Installed("demo"), new Installed("ga4"), new Installed("meta-ads")));
        fixture.registerInjectableResource(ports);
        fixture.registerAnnotatedCommandHandler(new ConnectIntegrationHandler(new ActiveClients(clients), agencies, fixture.getRepository(),
                providers, ports, ports, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(6)));
    }

    private void agencyIn(String timeZone) {
        otherAggregates.publish(new GenericDomainEventMessage<>("Agency", AGENCY.toString(), 0,
                new AgencyRegistered(AGENCY, "Agency", UUID.randomUUID(), "starter", 10, timeZone)));
    }

    private void clientExists(UUID agency, boolean archived) {
        agencyIn("UTC");
        otherAggregates.publish(new GenericDomainEventMessage<>("Client", CLIENT.toString(), 0,
                new ClientCreated(CLIENT, agency, "Acme", null, null, null, null)));
        if (archived) {
            otherAggregates.publish(new GenericDomainEventMessage<>("Client", CLIENT.toString(), 1,
                    new ClientArchived(CLIENT, agency)));
        }
    }

    private static IntegrationConnected connected(String provider) {
        return new IntegrationConnected(INTEGRATION, AGENCY, CLIENT, provider, "Demo data", Map.of(), null);
    }

    private static IntegrationRequested requested(String provider) {
        return new IntegrationRequested(INTEGRATION, AGENCY, CLIENT, provider, "Google Analytics 4", GA4_SETTINGS, null);
    }

    private static IntegrationAuthorized authorized(String provider) {
        return new IntegrationAuthorized(INTEGRATION, AGENCY, CLIENT, provider,
                List.of("https://www.googleapis.com/auth/analytics.readonly"), null);
    }

    private static IntegrationSyncStarted started(UUID sync, LocalDate from, LocalDate to) {
        return started("demo", sync, from, to);
    }

    private static IntegrationSyncStarted started(String provider, UUID sync, LocalDate from, LocalDate to) {
        return new IntegrationSyncStarted(INTEGRATION, AGENCY, CLIENT, provider, sync, from, to, "manual");
    }

    private static StartSync startAt(Instant at) {
        return new StartSync(INTEGRATION, AGENCY, SYNC, null, null, "manual", at);
    }

    private static DailyMetricsRecorded recorded(LocalDate date, Map<String, BigDecimal> metrics) {
        return new DailyMetricsRecorded(INTEGRATION, AGENCY, CLIENT, "demo", date, metrics, "USD");
    }

    private static AuthorizeIntegration authorize(UUID agency) {
        return new AuthorizeIntegration(INTEGRATION, agency, List.of("https://www.googleapis.com/auth/analytics.readonly"),
                null, new byte[] {1, 2, 3}, NOW.plus(Duration.ofHours(6)));
    }

    // ------------------------------------------------------------------------------------------ connecting

    @Test
    void connectingTheCallersClientRecordsTheConnection() {
        clientExists(AGENCY, false);
        fixture.givenNoPriorActivity()
                .when(new ConnectIntegration(INTEGRATION, AGENCY, CLIENT, "demo", null, Map.of()))
                .expectEvents(new IntegrationConnected(INTEGRATION, AGENCY, CLIENT, "demo", "Demo data", Map.of(), "UTC"));
        assertThat(ports.due).as("a fetched integration is due again after the sync interval")
                .containsEntry(INTEGRATION, NOW.plusSeconds(6 * 3600));
    }

    @Test
    void theIntegrationTakesTheAgencysTimeZone() {
        agencyIn("Europe/Berlin");
        otherAggregates.publish(new GenericDomainEventMessage<>("Client", CLIENT.toString(), 0,
                new ClientCreated(CLIENT, AGENCY, "Acme", null, null, null, null)));
        fixture.givenNoPriorActivity()
                .when(new ConnectIntegration(INTEGRATION, AGENCY, CLIENT, "demo", "Demo", Map.of()))
                .expectEvents(new IntegrationConnected(INTEGRATION, AGENCY, CLIENT, "demo", "Demo", Map.of(), "Europe/Berlin"));
    }

    @Test
    void uploadIntegrationsAreNotScheduled() {
        clientExists(AGENCY, false);
        fixture.givenNoPriorActivity()
                .when(new ConnectIntegration(INTEGRATION, AGENCY, CLIENT, "csv", null, Map.of()))
                .expectSuccessfulHandlerExecution();
        assertThat(ports.due).isEmpty();
    }

    @Test
    void anOAuthProviderStartsPendingAndUnscheduled() {
        clientExists(AGENCY, false);
        fixture.givenNoPriorActivity()
                .when(new ConnectIntegration(INTEGRATION, AGENCY, CLIENT, "ga4", null, GA4_SETTINGS))
                .expectEvents(new IntegrationRequested(INTEGRATION, AGENCY, CLIENT, "ga4", "Google Analytics 4",
                        GA4_SETTINGS, "UTC"));
        assertThat(ports.due).as("scheduled once authorized").isEmpty();
    }

    @Test
    void theSameProviderAccountCannotBeConnectedTwiceToAClient() {
        clientExists(AGENCY, false);
        ports.claim(UUID.randomUUID(), CLIENT, "ga4", ConnectedAccounts.accountOf(GA4_SETTINGS));
        fixture.givenNoPriorActivity()
                .when(new ConnectIntegration(INTEGRATION, AGENCY, CLIENT, "ga4", null, GA4_SETTINGS))
                .expectExceptionMessage("This client already has a Google Analytics 4 integration for this account; "
                        + "sync or reconnect that one instead.")
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new ConnectIntegration(INTEGRATION, AGENCY, CLIENT, "ga4", null, Map.of("propertyId", "999")))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aProviderWithoutConfiguredClientIsRefused() {
        clientExists(AGENCY, false);
        fixture.givenNoPriorActivity()
                .when(new ConnectIntegration(INTEGRATION, AGENCY, CLIENT, "meta-ads", null, Map.of()))
                .expectExceptionMessage("Provider meta-ads is not available on this server (its connector is not configured).")
                .expectNoEvents();
    }

    @Test
    void aProviderWithoutConnectorIsRefused() {
        clientExists(AGENCY, false);
        fixture.givenNoPriorActivity()
                .when(new ConnectIntegration(INTEGRATION, AGENCY, CLIENT, "search-console", null, Map.of()))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void unknownProvidersAreRefused() {
        clientExists(AGENCY, false);
        fixture.givenNoPriorActivity()
                .when(new ConnectIntegration(INTEGRATION, AGENCY, CLIENT, "myspace", null, Map.of()))
                .expectExceptionMessage("There is no provider \"myspace\".")
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

    // ------------------------------------------------------------------------------------------ authorization

    @Test
    void authorizingStoresTheSealedGrantAndSchedulesTheIntegration() {
        fixture.given(requested("ga4"))
                .when(authorize(AGENCY))
                .expectEvents(authorized("ga4"));
        assertThat(ports.credentials.get(INTEGRATION)).containsExactly(1, 2, 3);
        assertThat(ports.due).containsEntry(INTEGRATION, NOW.plus(Duration.ofHours(6)));
    }

    @Test
    void anotherAgencyCannotAuthorize() {
        fixture.given(requested("ga4"))
                .when(authorize(UUID.randomUUID()))
                .expectExceptionMessage("The integration was not found.")
                .expectNoEvents();
        assertThat(ports.credentials).isEmpty();
    }

    @Test
    void integrationsWithoutOAuthCannotBeAuthorized() {
        fixture.given(connected("demo"))
                .when(authorize(AGENCY))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void aDeclinedAuthorizationIsRecordedWithItsReason() {
        fixture.given(requested("ga4"))
                .when(new RecordAuthorizationFailure(INTEGRATION, AGENCY, "access_denied", "Access was not granted."))
                .expectEvents(new IntegrationAuthorizationFailed(INTEGRATION, AGENCY, CLIENT, "ga4", "access_denied",
                        "Access was not granted."));
        fixture.given(requested("ga4"))
                .when(new RecordAuthorizationFailure(INTEGRATION, AGENCY, "made-up", "?"))
                .expectEvents(new IntegrationAuthorizationFailed(INTEGRATION, AGENCY, CLIENT, "ga4", "exchange_failed", "?"));
    }

    @Test
    void aPendingIntegrationDoesNotSync() {
        fixture.given(requested("ga4"))
                .when(startAt(NOW))
                .expectException(DomainException.class)
                .expectExceptionMessage("This integration waits for authorization at the provider; finish connecting first.")
                .expectNoEvents();
    }

    @Test
    void aRevokedGrantStopsSyncsUntilTheIntegrationIsReauthorized() {
        UUID failed = UUID.randomUUID();
        List<Object> history = List.of(requested("ga4"), authorized("ga4"), started("ga4", failed, YESTERDAY, YESTERDAY),
                new IntegrationSyncFailed(INTEGRATION, AGENCY, CLIENT, "ga4", failed, "auth", ProviderFailure.RECONNECT_MESSAGE));
        fixture.given(history)
                .when(startAt(NOW))
                .expectExceptionMessage("The provider's authorization was revoked or has expired; reconnect the integration.")
                .expectNoEvents();

        List<Object> reauthorized = new java.util.ArrayList<>(history);
        reauthorized.add(authorized("ga4"));
        fixture.given(reauthorized)
                .when(startAt(NOW))
                .expectEvents(started("ga4", SYNC, YESTERDAY.minusDays(364), YESTERDAY));
    }

    @Test
    void onlyOAuthIntegrationsCanBeReconnected() {
        fixture.given(requested("ga4"))
                .when(new CheckReconnect(INTEGRATION, AGENCY))
                .expectNoEvents()
                .expectResultMessagePayload(new Reconnectable("ga4", CLIENT));
        fixture.given(connected("demo"))
                .when(new CheckReconnect(INTEGRATION, AGENCY))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    // ------------------------------------------------------------------------------------------ syncs

    @Test
    void theFirstSyncCoversTheYearEndingYesterday() {
        fixture.given(connected("demo"))
                .when(startAt(NOW))
                .expectEvents(started(SYNC, YESTERDAY.minusDays(364), YESTERDAY))
                .expectResultMessagePayload(new SyncPlan(INTEGRATION, SYNC, CLIENT, "demo", Map.of(),
                        YESTERDAY.minusDays(364), YESTERDAY));
    }

    @Test
    void yesterdayIsTheAgencysYesterday() {
        Instant lateEvening = Instant.parse("2025-03-10T23:30:00Z"); // already 11 March in Berlin
        fixture.given(new IntegrationConnected(INTEGRATION, AGENCY, CLIENT, "demo", "Demo", Map.of(), "Europe/Berlin"))
                .when(startAt(lateEvening))
                .expectEvents(started(SYNC, LocalDate.parse("2025-03-10").minusDays(364), LocalDate.parse("2025-03-10")));
        fixture.given(connected("demo"))
                .when(startAt(lateEvening))
                .expectEvents(started(SYNC, LocalDate.parse("2025-03-09").minusDays(364), LocalDate.parse("2025-03-09")));
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
    void theRefetchWindowIsTheProvidersOwn() {
        UUID first = UUID.randomUUID();
        fixture.given(requested("google-ads"), authorized("google-ads"),
                        started("google-ads", first, YESTERDAY.minusDays(364), YESTERDAY),
                        new IntegrationSyncSucceeded(INTEGRATION, AGENCY, CLIENT, "google-ads", first,
                                YESTERDAY.minusDays(364), YESTERDAY, 365))
                .when(new StartSync(INTEGRATION, AGENCY, SYNC, null, null, "schedule", NOW.plus(Duration.ofDays(1)),
                        Map.of("google-ads", 14, "ga4", 3)))
                .expectEvents(new IntegrationSyncStarted(INTEGRATION, AGENCY, CLIENT, "google-ads", SYNC,
                        YESTERDAY.minusDays(14), YESTERDAY.plusDays(1), "schedule"));
    }

    @Test
    void aStartingSyncLeasesItsScheduleAndItsEndSetsTheNextDueTime() {
        ports.due.put(INTEGRATION, NOW);
        fixture.given(connected("demo"))
                .when(startAt(NOW))
                .expectSuccessfulHandlerExecution();
        assertThat(ports.due).as("due again once the sync would be stale").containsEntry(INTEGRATION, NOW.plus(Integration.STALE_AFTER));

        Instant next = NOW.plus(Duration.ofHours(6));
        fixture.given(connected("demo"), started(SYNC, YESTERDAY, YESTERDAY))
                .when(new CompleteSync(INTEGRATION, AGENCY, SYNC, List.of(), "USD", null, next))
                .expectSuccessfulHandlerExecution();
        assertThat(ports.due).containsEntry(INTEGRATION, next);

        Instant afterFailure = NOW.plus(Duration.ofHours(7));
        fixture.given(connected("demo"), started(SYNC, YESTERDAY, YESTERDAY))
                .when(new FailSync(INTEGRATION, AGENCY, SYNC, "quota", "later", afterFailure))
                .expectSuccessfulHandlerExecution();
        assertThat(ports.due).containsEntry(INTEGRATION, afterFailure);
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
                        new DayMetrics(YESTERDAY, Map.of("sessions", new BigDecimal("6")))), "USD", "Europe/Berlin", null))
                .expectEvents(recorded(YESTERDAY, Map.of("sessions", new BigDecimal("6"))),
                        new IntegrationSyncSucceeded(INTEGRATION, AGENCY, CLIENT, "demo", SYNC, d1, YESTERDAY, 1, "USD",
                                "Europe/Berlin"))
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
    void valuesBeyondATrillionAreRefused() {
        fixture.given(connected("demo"), started(SYNC, YESTERDAY, YESTERDAY))
                .when(new CompleteSync(INTEGRATION, AGENCY, SYNC,
                        List.of(new DayMetrics(YESTERDAY, Map.of("sessions", new BigDecimal("1e13")))), "USD"))
                .expectExceptionMessage("Value of sessions on " + YESTERDAY + " is beyond ±1000000000000.")
                .expectNoEvents();
    }

    @Test
    void syncsCoverNoDayBefore2000NorAfterToday() {
        fixture.given(connected("csv"))
                .when(new StartSync(INTEGRATION, AGENCY, SYNC, LocalDate.of(1999, 12, 31), YESTERDAY,
                        Providers.CSV_UPLOAD_TRIGGER, NOW))
                .expectExceptionMessage("A sync covers days from 2000-01-01 to today.")
                .expectNoEvents();
        fixture.given(connected("csv"))
                .when(new StartSync(INTEGRATION, AGENCY, SYNC, YESTERDAY, YESTERDAY.plusDays(3),
                        Providers.CSV_UPLOAD_TRIGGER, NOW))
                .expectExceptionMessage("A sync covers days from 2000-01-01 to today.")
                .expectNoEvents();
    }

    @Test
    void aFailureIsRecordedWithItsReason() {
        fixture.given(connected("demo"), started(SYNC, YESTERDAY, YESTERDAY))
                .when(new FailSync(INTEGRATION, AGENCY, SYNC, "permission", "access removed"))
                .expectEvents(new IntegrationSyncFailed(INTEGRATION, AGENCY, CLIENT, "demo", SYNC, "permission",
                        "access removed"));
        fixture.given(connected("demo"), started(SYNC, YESTERDAY, YESTERDAY))
                .when(new FailSync(INTEGRATION, AGENCY, SYNC, "gremlins", "?"))
                .expectEvents(new IntegrationSyncFailed(INTEGRATION, AGENCY, CLIENT, "demo", SYNC, "provider", "?"));
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
    void disconnectingEndsTheConnectionAndDestroysTheCredentials() {
        ports.due.put(INTEGRATION, NOW);
        ports.credentials.put(INTEGRATION, new byte[] {9});
        ports.claim(INTEGRATION, CLIENT, "ga4", ConnectedAccounts.accountOf(GA4_SETTINGS));
        fixture.given(requested("ga4"), authorized("ga4"))
                .when(new DisconnectIntegration(INTEGRATION, AGENCY))
                .expectEvents(new IntegrationDisconnected(INTEGRATION, AGENCY, CLIENT, "ga4"))
                .expectResultMessagePayload("ga4");
        assertThat(ports.due).doesNotContainKey(INTEGRATION);
        assertThat(ports.credentials).doesNotContainKey(INTEGRATION);
        assertThat(ports.accounts).doesNotContainKey(INTEGRATION);
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
