package com.webprometrics.command.integrations;

import com.webprometrics.command.integrations.IntegrationCommands.AuthorizeIntegration;
import com.webprometrics.command.integrations.IntegrationCommands.CompleteSync;
import com.webprometrics.command.integrations.IntegrationCommands.ConnectIntegration;
import com.webprometrics.command.integrations.IntegrationCommands.DisconnectIntegration;
import com.webprometrics.command.integrations.IntegrationCommands.FailSync;
import com.webprometrics.command.integrations.IntegrationCommands.RecordAuthorizationFailure;
import com.webprometrics.command.integrations.IntegrationCommands.RequestReconnect;
import com.webprometrics.command.integrations.IntegrationCommands.StartSync;
import com.webprometrics.events.catalogue.Metric;
import com.webprometrics.events.catalogue.ProviderInfo;
import com.webprometrics.events.integrations.DailyMetricsRecorded;
import com.webprometrics.events.integrations.IntegrationAuthorizationFailed;
import com.webprometrics.events.integrations.IntegrationAuthorized;
import com.webprometrics.events.integrations.IntegrationConnected;
import com.webprometrics.events.integrations.IntegrationDisconnected;
import com.webprometrics.events.integrations.IntegrationReconnectRequested;
import com.webprometrics.events.integrations.IntegrationRequested;
import com.webprometrics.events.integrations.IntegrationSyncFailed;
import com.webprometrics.events.integrations.IntegrationSyncStarted;
import com.webprometrics.events.integrations.IntegrationSyncSucceeded;
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
 * re-uploading are idempotent; what was recorded is kept as a digest per day ({@link DayDigests}), so loading an
 * integration never brings back years of numbers. "Yesterday" is the agency's yesterday, in the zone the integration
 * was created with.
 */
@Aggregate(snapshotTriggerDefinition = "snapshotEveryN", cache = "integrationCache")
public class Integration {
    public static final Duration STALE_AFTER = Duration.ofMinutes(15);
    /** How long a sync may spend fetching (from its start), well inside {@link #STALE_AFTER}: never superseded mid-fetch. */
    public static final Duration TIME_LIMIT = Duration.ofMinutes(12);
    static final int FIRST_SYNC_DAYS = 365;
    static final int REFETCH_DAYS = 3;
    private static final Set<String> AUTHORIZATION_FAILURES = Set.of("access_denied", "exchange_failed",
            "missing_scope", "missing_refresh_token");

    @AggregateIdentifier
    private UUID integrationId;
    private UUID agencyId;
    private UUID clientId;
    private String provider;
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
    private DayDigests recorded = new DayDigests();

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
    void handle(AuthorizeIntegration command) {
        requireSameAgency(command.agencyId());
        requireConnected();
        requireOAuth();
        apply(new IntegrationAuthorized(integrationId, agencyId, clientId, provider,
                command.scopes() == null ? List.of() : List.copyOf(command.scopes()), command.grantExpiresAt()));
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
    void handle(RequestReconnect command) {
        requireSameAgency(command.agencyId());
        requireConnected();
        requireOAuth();
        apply(new IntegrationReconnectRequested(integrationId, agencyId, clientId, provider));
    }

    @CommandHandler
    void handle(StartSync command) {
        requireSameAgency(command.agencyId());
        requireConnected();
        ProviderInfo p = Providers.find(provider).orElseThrow();
        boolean upload = Providers.CSV_UPLOAD_TRIGGER.equals(command.trigger());
        if (upload && p.fetched()) {
            throw IntegrationRejection.NOT_UPLOAD.get();
        }
        if (!upload && !p.fetched()) {
            throw IntegrationRejection.UPLOAD_ONLY.get();
        }
        if (oauth && !authorized) {
            throw IntegrationRejection.AUTHORIZATION_PENDING.get();
        }
        if (authorizationLost) {
            throw IntegrationRejection.RECONNECT_NEEDED.get();
        }
        if (runningSyncId != null && runningSince.plus(STALE_AFTER).isAfter(command.at())) {
            throw IntegrationRejection.SYNC_RUNNING.get();
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
            throw IntegrationRejection.INVALID_RANGE.get();
        }
        if (from.isBefore(Metric.FIRST_DAY) || to.isAfter(LocalDate.ofInstant(command.at(), zone))) {
            throw IntegrationRejection.INVALID_RANGE.because("A sync covers days from " + Metric.FIRST_DAY + " to today.");
        }
        apply(new IntegrationSyncStarted(integrationId, agencyId, clientId, provider, command.syncId(), from, to,
                command.trigger()));
    }

    /** Answers how many days were recorded (changed). */
    @CommandHandler
    int handle(CompleteSync command) {
        requireSameAgency(command.agencyId());
        requireRunning(command.syncId());
        String currency = command.currency();
        requireCurrency(currency);
        Map<LocalDate, Map<String, BigDecimal>> days = new TreeMap<>();
        for (DayMetrics day : command.days()) {
            if (day.date().isBefore(runningFrom) || day.date().isAfter(runningTo)) {
                throw IntegrationRejection.INVALID_DAYS.because("Day " + day.date() + " is outside the sync's range "
                        + runningFrom + ".." + runningTo + ".");
            }
            for (Map.Entry<String, BigDecimal> metric : day.metrics().entrySet()) {
                if (!Metric.isBase(metric.getKey()) || metric.getValue() == null) {
                    throw IntegrationRejection.INVALID_DAYS.because("Unknown metric or missing value: " + metric.getKey()
                            + ".");
                }
                if (!Metric.inRange(metric.getValue())) {
                    throw IntegrationRejection.INVALID_DAYS.because("Value of " + metric.getKey() + " on " + day.date()
                            + " is beyond ±" + Metric.MAX_DAILY_VALUE.toPlainString() + ".");
                }
            }
            if (days.put(day.date(), day.metrics()) != null) {
                throw IntegrationRejection.INVALID_DAYS.because("Day " + day.date() + " appears twice.");
            }
        }
        int changed = 0;
        for (Map.Entry<LocalDate, Map<String, BigDecimal>> day : days.entrySet()) {
            if (recorded.changes(day.getKey(), currency, day.getValue())) {
                apply(new DailyMetricsRecorded(integrationId, agencyId, clientId, provider, day.getKey(),
                        day.getValue(), currency));
                changed++;
            }
        }
        apply(new IntegrationSyncSucceeded(integrationId, agencyId, clientId, provider, runningSyncId, runningFrom,
                runningTo, changed, currency, validZone(command.providerTimeZone())));
        return changed;
    }

    @CommandHandler
    void handle(FailSync command) {
        requireSameAgency(command.agencyId());
        requireRunning(command.syncId());
        String reason = ProviderFailure.REASONS.contains(command.reason()) ? command.reason() : ProviderFailure.PROVIDER;
        apply(new IntegrationSyncFailed(integrationId, agencyId, clientId, provider, command.syncId(), reason,
                truncate(command.message())));
    }

    /** The stored grant is destroyed with it ({@code CredentialLifecycle}). */
    @CommandHandler
    void handle(DisconnectIntegration command) {
        requireSameAgency(command.agencyId());
        requireConnected();
        apply(new IntegrationDisconnected(integrationId, agencyId, clientId, provider));
    }

    /** Another agency's integration does not exist as far as the caller can tell. */
    private void requireSameAgency(UUID agency) {
        if (!agencyId.equals(agency)) {
            throw IntegrationRejection.NOT_FOUND.get();
        }
    }

    private void requireConnected() {
        if (disconnected) {
            throw IntegrationRejection.DISCONNECTED.get();
        }
    }

    private void requireOAuth() {
        if (!oauth) {
            throw IntegrationRejection.NOT_OAUTH.get();
        }
    }

    private void requireRunning(UUID syncId) {
        requireConnected();
        if (runningSyncId == null || !runningSyncId.equals(syncId)) {
            throw IntegrationRejection.SYNC_NOT_RUNNING.get();
        }
    }

    private static void requireCurrency(String currency) {
        try {
            if (currency == null || !currency.equals(Currency.getInstance(currency).getCurrencyCode())) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw IntegrationRejection.INVALID_CURRENCY.get();
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
        zone = zoneOf(event.timeZone());
    }

    @EventSourcingHandler
    void on(IntegrationRequested event) {
        integrationId = event.integrationId();
        agencyId = event.agencyId();
        clientId = event.clientId();
        provider = event.provider();
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
        recorded.record(event.date(), event.currency(), event.metrics());
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
