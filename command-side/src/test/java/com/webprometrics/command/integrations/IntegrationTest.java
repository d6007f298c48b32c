package com.webprometrics.command.integrations;

import com.webprometrics.command.auth.Agency;
import com.webprometrics.command.clients.ActiveClients;
import com.webprometrics.command.clients.Client;
import com.webprometrics.command.integrations.IntegrationCommands.AuthorizeIntegration;
import com.webprometrics.command.integrations.IntegrationCommands.CompleteSync;
import com.webprometrics.command.integrations.IntegrationCommands.ConnectIntegration;
import com.webprometrics.command.integrations.IntegrationCommands.DisconnectIntegration;
import com.webprometrics.command.integrations.IntegrationCommands.FailSync;
import com.webprometrics.command.integrations.IntegrationCommands.RequestReconnect;
import com.webprometrics.command.integrations.IntegrationCommands.RecordAuthorizationFailure;
import com.webprometrics.command.integrations.IntegrationCommands.StartSync;
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
import com.webprometrics.command.clients.ClientRejection;
import com.webprometrics.events.catalogue.ProviderInfo;
import com.webprometrics.events.integrations.IntegrationReconnectRequested;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static com.webprometrics.command.support.Rejected.rejected;

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
    private final Set<String> claimedAccounts = new HashSet<>();
    /** The account claims in memory; the table behind them is tested against PostgreSQL (CommandTablesIntegrationTest). */
    private final ConnectedAccounts accounts = new ConnectedAccounts(null) {
        @Override
        void requireFree(UUID clientId, ProviderInfo provider, Map<String, String> settings) {
            if (claimedAccounts.contains(clientId + "/" + provider.key() + "/" + accountOf(settings))) {
                throw IntegrationRejection.ALREADY_CONNECTED.get();
            }
        }
    };

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
        fixture.registerAnnotatedCommandHandler(new ConnectIntegrationHandler(new ActiveClients(clients), agencies,
                fixture.getRepository(), providers, accounts));
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
                null);
    }

    // ------------------------------------------------------------------------------------------ connecting

    @Test
    void connectingTheCallersClientRecordsTheConnection() {
        clientExists(AGENCY, false);
        fixture.givenNoPriorActivity()
                .when(new ConnectIntegration(INTEGRATION, AGENCY, CLIENT, "demo", null, Map.of()))
                .expectEvents(new IntegrationConnected(INTEGRATION, AGENCY, CLIENT, "demo", "Demo data", Map.of(), "UTC"));
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
    void uploadIntegrationsAreConnectedAtOnce() {
        clientExists(AGENCY, false);
        fixture.givenNoPriorActivity()
                .when(new ConnectIntegration(INTEGRATION, AGENCY, CLIENT, "csv", null, Map.of()))
                .expectEvents(new IntegrationConnected(INTEGRATION, AGENCY, CLIENT, "csv", "CSV upload", Map.of(), "UTC"));
    }

    @Test
    void anOAuthProviderStartsPending() {
        clientExists(AGENCY, false);
        fixture.givenNoPriorActivity()
                .when(new ConnectIntegration(INTEGRATION, AGENCY, CLIENT, "ga4", null, GA4_SETTINGS))
                .expectEvents(new IntegrationRequested(INTEGRATION, AGENCY, CLIENT, "ga4", "Google Analytics 4",
                        GA4_SETTINGS, "UTC"));
    }

    @Test
    void theSameProviderAccountCannotBeConnectedTwiceToAClient() {
        clientExists(AGENCY, false);
        claimedAccounts.add(CLIENT + "/ga4/" + ConnectedAccounts.accountOf(GA4_SETTINGS));
        fixture.givenNoPriorActivity()
                .when(new ConnectIntegration(INTEGRATION, AGENCY, CLIENT, "ga4", null, GA4_SETTINGS))
                .expectException(rejected(IntegrationRejection.ALREADY_CONNECTED))
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
                .expectException(rejected(IntegrationRejection.PROVIDER_UNAVAILABLE))
                .expectExceptionMessage("Provider meta-ads is not available on this server (its connector is not configured).")
                .expectNoEvents();
    }

    @Test
    void aProviderWithoutConnectorIsRefused() {
        clientExists(AGENCY, false);
        fixture.givenNoPriorActivity()
                .when(new ConnectIntegration(INTEGRATION, AGENCY, CLIENT, "search-console", null, Map.of()))
                .expectException(rejected(IntegrationRejection.PROVIDER_UNAVAILABLE))
                .expectNoEvents();
    }

    @Test
    void unknownProvidersAreRefused() {
        clientExists(AGENCY, false);
        fixture.givenNoPriorActivity()
                .when(new ConnectIntegration(INTEGRATION, AGENCY, CLIENT, "myspace", null, Map.of()))
                .expectException(rejected(IntegrationRejection.UNKNOWN_PROVIDER))
                .expectNoEvents();
    }

    @Test
    void anotherAgencysClientCannotBeConnected() {
        clientExists(UUID.randomUUID(), false);
        fixture.givenNoPriorActivity()
                .when(new ConnectIntegration(INTEGRATION, AGENCY, CLIENT, "demo", null, Map.of()))
                .expectException(rejected(ClientRejection.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void anUnknownClientCannotBeConnected() {
        fixture.givenNoPriorActivity()
                .when(new ConnectIntegration(INTEGRATION, AGENCY, CLIENT, "demo", null, Map.of()))
                .expectException(rejected(ClientRejection.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void anArchivedClientGetsNoNewIntegrations() {
        clientExists(AGENCY, true);
        fixture.givenNoPriorActivity()
                .when(new ConnectIntegration(INTEGRATION, AGENCY, CLIENT, "demo", null, Map.of()))
                .expectException(rejected(ClientRejection.ARCHIVED))
                .expectExceptionMessage("An archived client cannot get new integrations; restore it first.")
                .expectNoEvents();
    }

    // ------------------------------------------------------------------------------------------ authorization

    @Test
    void authorizingRecordsTheGrantedScopes() {
        fixture.given(requested("ga4"))
                .when(authorize(AGENCY))
                .expectEvents(authorized("ga4"));
    }

    @Test
    void anotherAgencyCannotAuthorize() {
        fixture.given(requested("ga4"))
                .when(authorize(UUID.randomUUID()))
                .expectException(rejected(IntegrationRejection.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void integrationsWithoutOAuthCannotBeAuthorized() {
        fixture.given(connected("demo"))
                .when(authorize(AGENCY))
                .expectException(rejected(IntegrationRejection.NOT_OAUTH))
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
                .expectException(rejected(IntegrationRejection.AUTHORIZATION_PENDING))
                .expectNoEvents();
    }

    @Test
    void aRevokedGrantStopsSyncsUntilTheIntegrationIsReauthorized() {
        UUID failed = UUID.randomUUID();
        List<Object> history = List.of(requested("ga4"), authorized("ga4"), started("ga4", failed, YESTERDAY, YESTERDAY),
                new IntegrationSyncFailed(INTEGRATION, AGENCY, CLIENT, "ga4", failed, "auth", ProviderFailure.RECONNECT_MESSAGE));
        fixture.given(history)
                .when(startAt(NOW))
                .expectException(rejected(IntegrationRejection.RECONNECT_NEEDED))
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
                .when(new RequestReconnect(INTEGRATION, AGENCY))
                .expectEvents(new IntegrationReconnectRequested(INTEGRATION, AGENCY, CLIENT, "ga4"));
        fixture.given(connected("demo"))
                .when(new RequestReconnect(INTEGRATION, AGENCY))
                .expectException(rejected(IntegrationRejection.NOT_OAUTH))
                .expectNoEvents();
        fixture.given(requested("ga4"), new IntegrationDisconnected(INTEGRATION, AGENCY, CLIENT, "ga4"))
                .when(new RequestReconnect(INTEGRATION, AGENCY))
                .expectException(rejected(IntegrationRejection.DISCONNECTED))
                .expectNoEvents();
    }

    // ------------------------------------------------------------------------------------------ syncs

    @Test
    void theFirstSyncCoversTheYearEndingYesterday() {
        fixture.given(connected("demo"))
                .when(startAt(NOW))
                .expectEvents(started(SYNC, YESTERDAY.minusDays(364), YESTERDAY));
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
    void aSecondSyncIsRefusedWhileOneRuns() {
        fixture.givenCurrentTime(NOW)
                .andGiven(connected("demo"), started(UUID.randomUUID(), YESTERDAY, YESTERDAY))
                .when(startAt(NOW.plus(Duration.ofMinutes(14))))
                .expectException(rejected(IntegrationRejection.SYNC_RUNNING))
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
                        new DayMetrics(YESTERDAY, Map.of("sessions", new BigDecimal("6")))), "USD", "Europe/Berlin"))
                .expectEvents(recorded(YESTERDAY, Map.of("sessions", new BigDecimal("6"))),
                        new IntegrationSyncSucceeded(INTEGRATION, AGENCY, CLIENT, "demo", SYNC, d1, YESTERDAY, 1, "USD",
                                "Europe/Berlin"))
                .expectResultMessagePayload(1);
    }

    @Test
    void onlyTheRunningSyncCanComplete() {
        fixture.given(connected("demo"), started(UUID.randomUUID(), YESTERDAY, YESTERDAY))
                .when(new CompleteSync(INTEGRATION, AGENCY, SYNC, List.of(), "USD"))
                .expectException(rejected(IntegrationRejection.SYNC_NOT_RUNNING))
                .expectNoEvents();
    }

    @Test
    void daysOutsideTheSyncsRangeAreRefused() {
        fixture.given(connected("demo"), started(SYNC, YESTERDAY, YESTERDAY))
                .when(new CompleteSync(INTEGRATION, AGENCY, SYNC,
                        List.of(new DayMetrics(YESTERDAY.minusDays(1), Map.of("sessions", BigDecimal.ONE))), "USD"))
                .expectException(rejected(IntegrationRejection.INVALID_DAYS))
                .expectNoEvents();
    }

    @Test
    void valuesBeyondATrillionAreRefused() {
        fixture.given(connected("demo"), started(SYNC, YESTERDAY, YESTERDAY))
                .when(new CompleteSync(INTEGRATION, AGENCY, SYNC,
                        List.of(new DayMetrics(YESTERDAY, Map.of("sessions", new BigDecimal("1e13")))), "USD"))
                .expectException(rejected(IntegrationRejection.INVALID_DAYS))
                .expectExceptionMessage("Value of sessions on " + YESTERDAY + " is beyond ±1000000000000.")
                .expectNoEvents();
    }

    @Test
    void syncsCoverNoDayBefore2000NorAfterToday() {
        fixture.given(connected("csv"))
                .when(new StartSync(INTEGRATION, AGENCY, SYNC, LocalDate.of(1999, 12, 31), YESTERDAY,
                        Providers.CSV_UPLOAD_TRIGGER, NOW))
                .expectException(rejected(IntegrationRejection.INVALID_RANGE))
                .expectExceptionMessage("A sync covers days from 2000-01-01 to today.")
                .expectNoEvents();
        fixture.given(connected("csv"))
                .when(new StartSync(INTEGRATION, AGENCY, SYNC, YESTERDAY, YESTERDAY.plusDays(3),
                        Providers.CSV_UPLOAD_TRIGGER, NOW))
                .expectException(rejected(IntegrationRejection.INVALID_RANGE))
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
                .expectException(rejected(IntegrationRejection.DISCONNECTED))
                .expectNoEvents();
    }

    @Test
    void disconnectingEndsTheConnectionOnce() {
        fixture.given(requested("ga4"), authorized("ga4"))
                .when(new DisconnectIntegration(INTEGRATION, AGENCY))
                .expectEvents(new IntegrationDisconnected(INTEGRATION, AGENCY, CLIENT, "ga4"));
        fixture.given(requested("ga4"), authorized("ga4"), new IntegrationDisconnected(INTEGRATION, AGENCY, CLIENT, "ga4"))
                .when(new DisconnectIntegration(INTEGRATION, AGENCY))
                .expectException(rejected(IntegrationRejection.DISCONNECTED))
                .expectNoEvents();
    }

    @Test
    void anotherAgencySeesNoSuchIntegration() {
        fixture.given(connected("demo"))
                .when(new StartSync(INTEGRATION, UUID.randomUUID(), SYNC, null, null, "manual", NOW))
                .expectException(rejected(IntegrationRejection.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void csvIntegrationsAreFilledByUploadsOnly() {
        fixture.given(connected("csv"))
                .when(startAt(NOW))
                .expectException(rejected(IntegrationRejection.UPLOAD_ONLY))
                .expectNoEvents();
    }

    @Test
    void fetchedIntegrationsTakeNoUploads() {
        fixture.given(connected("demo"))
                .when(new StartSync(INTEGRATION, AGENCY, SYNC, YESTERDAY, YESTERDAY, Providers.CSV_UPLOAD_TRIGGER, NOW))
                .expectException(rejected(IntegrationRejection.NOT_UPLOAD))
                .expectNoEvents();
    }
}
