package com.webprometrics.command.integrations;

import com.webprometrics.command.integrations.IntegrationCommands.AuthorizeIntegration;
import com.webprometrics.command.integrations.IntegrationCommands.CheckReconnect;
import com.webprometrics.command.integrations.IntegrationCommands.CheckUpload;
import com.webprometrics.command.integrations.IntegrationCommands.CompleteSync;
import com.webprometrics.command.integrations.IntegrationCommands.ConnectIntegration;
import com.webprometrics.command.integrations.IntegrationCommands.DisconnectIntegration;
import com.webprometrics.command.integrations.IntegrationCommands.FailSync;
import com.webprometrics.command.integrations.IntegrationCommands.Reconnectable;
import com.webprometrics.command.integrations.IntegrationCommands.RecordAuthorizationFailure;
import com.webprometrics.command.integrations.IntegrationCommands.StartSync;
import com.webprometrics.command.integrations.IntegrationCommands.SyncPlan;
import com.webprometrics.events.catalogue.Metric;
import com.webprometrics.events.catalogue.ProviderInfo;
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
import com.webprometrics.platform.domain.DomainException.Kind;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A client's connection to one provider, and the syncs that bring its daily numbers in. OAuth providers
 * start pending and sync only once authorized; a sync that fails because the grant is gone stops further
 * syncs until the integration is reauthorized. At most one sync runs at a time; a sync that has not
 * finished {@link #STALE_AFTER} after it started (its process died) may be superseded. A day is recorded
 * only when its numbers differ from what this integration last recorded for that date, so re-syncing and
 * re-uploading are idempotent. "Yesterday" is the agency's yesterday, in the zone the integration was
 * created with.
 */
@Aggregate
public class Integration {
    static final Duration STALE_AFTER = Duration.ofMinutes(15);
    /** How long a sync may spend fetching (from its start), well inside {@link #STALE_AFTER}: never superseded mid-fetch. */
    static final Duration TIME_LIMIT = Duration.ofMinutes(12);
    static final int FIRST_SYNC_DAYS = 365;
    static final int REFETCH_DAYS = 3;
    static final String SYNC_RUNNING = "Sync running";
    static final String DISCONNECTED = "Integration disconnected";
    private static final Set<String> AUTHORIZATION_FAILURES = Set.of("access_denied", "exchange_failed",
            "missing_scope", "missing_refresh_token");

    @AggregateIdentifier
    private UUID integrationId;
    private UUID agencyId;
    private UUID clientId;
    private String provider;
    private Map<String, String> settings;
    private ZoneId zone = ZoneOffset.UTC;
    private boolean oauth;
    private boolean authorized;
    private boolean authorizationLost;
    private boolean disconnected;
    private UUID runningSyncId;
    private Instant runningSince;
    private LocalDate runningFrom;
    private LocalDate runningTo;
    private LocalDate lastSyncedTo;
    /** What was last recorded per date: currency plus metrics with trailing zeros stripped. */
    private final Map<LocalDate, RecordedDay> recorded = new HashMap<>();

    private record RecordedDay(String currency, Map<String, BigDecimal> metrics) {
    }

    protected Integration() {
    }

    /**
     * Created by {@link ConnectIntegrationHandler} once the client is known to be the caller's and the provider
     * connectable here. {@code timeZone} is the agency's (null: UTC).
     */
    Integration(ConnectIntegration command, String timeZone) {
        ProviderInfo p = Providers.known(command.provider());
        Map<String, String> settings = command.settings() == null ? Map.of() : Map.copyOf(command.settings());
        String currency = settings.get("currency");
        if (currency != null) {
            requireCurrency(currency);
        }
        String accountName = command.accountName() == null || command.accountName().isBlank()
                ? p.name() : command.accountName().trim();
        String zone = validZone(timeZone);
        if (Providers.authorizedByOAuth(p)) {
            apply(new IntegrationRequested(command.integrationId(), command.agencyId(), command.clientId(), p.key(),
                    accountName, settings, zone));
        } else {
            apply(new IntegrationConnected(command.integrationId(), command.agencyId(), command.clientId(), p.key(),
                    accountName, settings, zone));
        }
    }

    @CommandHandler
    void handle(AuthorizeIntegration command, IntegrationCredentials credentials, SyncSchedule schedule) {
        requireSameAgency(command.agencyId());
        requireConnected();
        requireOAuth();
        apply(new IntegrationAuthorized(integrationId, agencyId, clientId, provider,
                command.scopes() == null ? List.of() : List.copyOf(command.scopes()), command.grantExpiresAt()));
        credentials.save(integrationId, agencyId, provider, command.sealedCredentials());
        schedule.add(integrationId, agencyId, command.firstDue());
    }

    @CommandHandler
    void handle(RecordAuthorizationFailure command) {
        requireSameAgency(command.agencyId());
        requireConnected();
        requireOAuth();
        String reason = AUTHORIZATION_FAILURES.contains(command.reason()) ? command.reason() : "exchange_failed";
        apply(new IntegrationAuthorizationFailed(integrationId, agencyId, clientId, provider, reason,
                truncate(command.message())));
    }

    @CommandHandler
    Reconnectable handle(CheckReconnect command) {
        requireSameAgency(command.agencyId());
        requireConnected();
        requireOAuth();
        return new Reconnectable(provider, clientId);
    }

    @CommandHandler
    SyncPlan handle(StartSync command, SyncSchedule schedule) {
        requireSameAgency(command.agencyId());
        requireConnected();
        ProviderInfo p = Providers.find(provider).orElseThrow();
        boolean upload = Providers.CSV_UPLOAD_TRIGGER.equals(command.trigger());
        if (upload && p.fetched()) {
            throw new DomainException(Kind.CONFLICT, "Not an upload integration",
                    "Only CSV integrations accept uploads.");
        }
        if (!upload && !p.fetched()) {
            throw new DomainException(Kind.CONFLICT, "Upload integration",
                    "This integration gets its data from CSV uploads; upload a file instead.");
        }
        if (oauth && !authorized) {
            throw new DomainException(Kind.CONFLICT, "Authorization pending",
                    "This integration waits for authorization at the provider; finish connecting first.");
        }
        if (authorizationLost) {
            throw new DomainException(Kind.CONFLICT, "Reconnect needed",
                    "The provider's authorization was revoked or has expired; reconnect the integration.");
        }
        if (runningSyncId != null && runningSince.plus(STALE_AFTER).isAfter(command.at())) {
            throw new DomainException(Kind.CONFLICT, SYNC_RUNNING, "A sync is already running");
        }
        LocalDate from = command.from();
        LocalDate to = command.to();
        if (from == null && to == null && !upload) {
            to = LocalDate.ofInstant(command.at(), zone).minusDays(1);
            LocalDate earliest = to.minusDays(FIRST_SYNC_DAYS - 1);
            int refetch = Math.max(0, command.refetchDays() == null ? REFETCH_DAYS
                    : command.refetchDays().getOrDefault(provider, REFETCH_DAYS));
            from = lastSyncedTo == null ? earliest : max(earliest, min(lastSyncedTo.minusDays(refetch), to));
        }
        if (from == null || to == null || from.isAfter(to)) {
            throw new DomainException(Kind.INVALID, "A sync needs a day range from..to with from on or before to.");
        }
        if (from.isBefore(Metric.FIRST_DAY) || to.isAfter(LocalDate.ofInstant(command.at(), zone))) {
            throw new DomainException(Kind.INVALID, "A sync covers days from " + Metric.FIRST_DAY + " to today.");
        }
        apply(new IntegrationSyncStarted(integrationId, agencyId, clientId, provider, command.syncId(), from, to,
                command.trigger()));
        if (!upload) {
            // the lease: if this sync's process dies, the schedule picks the integration up once the sync is stale
            schedule.setNextDue(integrationId, command.at().plus(STALE_AFTER));
        }
        return new SyncPlan(integrationId, command.syncId(), clientId, provider, settings, from, to);
    }

    @CommandHandler
    int handle(CompleteSync command, SyncSchedule schedule) {
        requireSameAgency(command.agencyId());
        requireRunning(command.syncId());
        String currency = command.currency();
        requireCurrency(currency);
        Map<LocalDate, Map<String, BigDecimal>> days = new TreeMap<>();
        for (DayMetrics day : command.days()) {
            if (day.date().isBefore(runningFrom) || day.date().isAfter(runningTo)) {
                throw new DomainException(Kind.INVALID, "Day " + day.date() + " is outside the sync's range "
                        + runningFrom + ".." + runningTo + ".");
            }
            for (Map.Entry<String, BigDecimal> metric : day.metrics().entrySet()) {
                if (!Metric.isBase(metric.getKey()) || metric.getValue() == null) {
                    throw new DomainException(Kind.INVALID, "Unknown metric or missing value: " + metric.getKey() + ".");
                }
                if (!Metric.inRange(metric.getValue())) {
                    throw new DomainException(Kind.INVALID, "Value of " + metric.getKey() + " on " + day.date()
                            + " is beyond ±" + Metric.MAX_DAILY_VALUE.toPlainString() + ".");
                }
            }
            if (days.put(day.date(), day.metrics()) != null) {
                throw new DomainException(Kind.INVALID, "Day " + day.date() + " appears twice.");
            }
        }
        int changed = 0;
        for (Map.Entry<LocalDate, Map<String, BigDecimal>> day : days.entrySet()) {
            RecordedDay next = new RecordedDay(currency, normalized(day.getValue()));
            if (!next.equals(recorded.get(day.getKey()))) {
                apply(new DailyMetricsRecorded(integrationId, agencyId, clientId, provider, day.getKey(),
                        day.getValue(), currency));
                changed++;
            }
        }
        apply(new IntegrationSyncSucceeded(integrationId, agencyId, clientId, provider, runningSyncId, runningFrom,
                runningTo, changed, currency, validZone(command.providerTimeZone())));
        if (command.nextSyncAt() != null) {
            schedule.setNextDue(integrationId, command.nextSyncAt());
        }
        return changed;
    }

    @CommandHandler
    void handle(FailSync command, SyncSchedule schedule) {
        requireSameAgency(command.agencyId());
        requireRunning(command.syncId());
        String reason = ProviderFailure.REASONS.contains(command.reason()) ? command.reason() : ProviderFailure.PROVIDER;
        apply(new IntegrationSyncFailed(integrationId, agencyId, clientId, provider, command.syncId(), reason,
                truncate(command.message())));
        if (command.nextSyncAt() != null) {
            schedule.setNextDue(integrationId, command.nextSyncAt());
        }
    }

    @CommandHandler
    String handle(DisconnectIntegration command, SyncSchedule schedule, IntegrationCredentials credentials,
                  ConnectedAccounts accounts) {
        requireSameAgency(command.agencyId());
        requireConnected();
        apply(new IntegrationDisconnected(integrationId, agencyId, clientId, provider));
        schedule.remove(integrationId);
        credentials.delete(integrationId);
        accounts.release(integrationId);
        return provider;
    }

    @CommandHandler
    String handle(CheckUpload command) {
        requireSameAgency(command.agencyId());
        requireConnected();
        if (Providers.find(provider).orElseThrow().fetched()) {
            throw new DomainException(Kind.CONFLICT, "Not an upload integration", "Only CSV integrations accept uploads.");
        }
        return zone.getId();
    }

    /** Another agency's integration does not exist as far as the caller can tell. */
    private void requireSameAgency(UUID agency) {
        if (!agencyId.equals(agency)) {
            throw DomainException.notFound("The integration");
        }
    }

    private void requireConnected() {
        if (disconnected) {
            throw new DomainException(Kind.CONFLICT, DISCONNECTED, "The integration is disconnected.");
        }
    }

    private void requireOAuth() {
        if (!oauth) {
            throw new DomainException(Kind.CONFLICT, "No authorization needed",
                    "This integration does not connect through an authorization at the provider.");
        }
    }

    private void requireRunning(UUID syncId) {
        requireConnected();
        if (runningSyncId == null || !runningSyncId.equals(syncId)) {
            throw new DomainException(Kind.CONFLICT, "Sync not running", "This sync is not running (any more).");
        }
    }

    private static void requireCurrency(String currency) {
        try {
            if (currency == null || !currency.equals(Currency.getInstance(currency).getCurrencyCode())) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw new DomainException(Kind.INVALID, "The currency must be an ISO 4217 code such as USD.");
        }
    }

    /** A valid IANA zone id, or null (read as UTC); a zone is a hint, never a reason to refuse. */
    private static String validZone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(timeZone).getId();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String truncate(String message) {
        String m = message == null ? "" : message;
        return m.length() > 500 ? m.substring(0, 500) : m;
    }

    private static Map<String, BigDecimal> normalized(Map<String, BigDecimal> metrics) {
        Map<String, BigDecimal> result = new HashMap<>();
        metrics.forEach((name, value) -> result.put(name, value.stripTrailingZeros()));
        return result;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static ZoneId zoneOf(String timeZone) {
        return timeZone == null ? ZoneOffset.UTC : ZoneId.of(timeZone);
    }

    @EventSourcingHandler
    void on(IntegrationConnected event) {
        integrationId = event.integrationId();
        agencyId = event.agencyId();
        clientId = event.clientId();
        provider = event.provider();
        settings = event.settings() == null ? Map.of() : Map.copyOf(event.settings());
        zone = zoneOf(event.timeZone());
    }

    @EventSourcingHandler
    void on(IntegrationRequested event) {
        integrationId = event.integrationId();
        agencyId = event.agencyId();
        clientId = event.clientId();
        provider = event.provider();
        settings = event.settings() == null ? Map.of() : Map.copyOf(event.settings());
        zone = zoneOf(event.timeZone());
        oauth = true;
    }

    @EventSourcingHandler
    void on(IntegrationAuthorized event) {
        authorized = true;
        authorizationLost = false;
    }

    @EventSourcingHandler
    void on(IntegrationSyncStarted event, @Timestamp Instant at) {
        runningSyncId = event.syncId();
        runningSince = at;
        runningFrom = event.from();
        runningTo = event.to();
    }

    @EventSourcingHandler
    void on(DailyMetricsRecorded event) {
        recorded.put(event.date(), new RecordedDay(event.currency(), normalized(event.metrics())));
    }

    @EventSourcingHandler
    void on(IntegrationSyncSucceeded event) {
        if (Objects.equals(event.syncId(), runningSyncId)) {
            runningSyncId = null;
        }
        if (lastSyncedTo == null || event.to().isAfter(lastSyncedTo)) {
            lastSyncedTo = event.to();
        }
    }

    @EventSourcingHandler
    void on(IntegrationSyncFailed event) {
        if (Objects.equals(event.syncId(), runningSyncId)) {
            runningSyncId = null;
        }
        if (ProviderFailure.AUTH.equals(event.reason()) && oauth) {
            authorizationLost = true;
        }
    }

    @EventSourcingHandler
    void on(IntegrationDisconnected event) {
        disconnected = true;
        runningSyncId = null;
    }
}
