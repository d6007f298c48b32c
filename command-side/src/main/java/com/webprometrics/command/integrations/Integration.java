package com.webprometrics.command.integrations;

import com.webprometrics.command.integrations.IntegrationCommands.CheckUpload;
import com.webprometrics.command.integrations.IntegrationCommands.CompleteSync;
import com.webprometrics.command.integrations.IntegrationCommands.ConnectIntegration;
import com.webprometrics.command.integrations.IntegrationCommands.DisconnectIntegration;
import com.webprometrics.command.integrations.IntegrationCommands.FailSync;
import com.webprometrics.command.integrations.IntegrationCommands.StartSync;
import com.webprometrics.command.integrations.IntegrationCommands.SyncPlan;
import com.webprometrics.events.catalogue.Metric;
import com.webprometrics.events.catalogue.ProviderInfo;
import com.webprometrics.events.integrations.DailyMetricsRecorded;
import com.webprometrics.events.integrations.IntegrationConnected;
import com.webprometrics.events.integrations.IntegrationDisconnected;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A client's connection to one provider, and the syncs that bring its daily numbers in. At most one sync
 * runs at a time; a sync that has not finished {@link #STALE_AFTER} after it started (its process died)
 * may be superseded. A day is recorded only when its numbers differ from what this integration last
 * recorded for that date, so re-syncing and re-uploading are idempotent.
 */
@Aggregate
public class Integration {
    static final Duration STALE_AFTER = Duration.ofMinutes(15);
    static final int FIRST_SYNC_DAYS = 365;
    static final int REFETCH_DAYS = 3;
    /** The agency time zone; UTC until agencies choose one. */
    static final ZoneOffset ZONE = ZoneOffset.UTC;
    private static final Set<String> FAILURE_REASONS = Set.of("auth", "quota", "provider", "invalid");

    @AggregateIdentifier
    private UUID integrationId;
    private UUID agencyId;
    private UUID clientId;
    private String provider;
    private Map<String, String> settings;
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

    /** Created by {@link ConnectIntegrationHandler} once the client is known to be the caller's. */
    Integration(ConnectIntegration command) {
        ProviderInfo p = Providers.available(command.provider());
        Map<String, String> settings = command.settings() == null ? Map.of() : Map.copyOf(command.settings());
        String currency = settings.get("currency");
        if (currency != null) {
            requireCurrency(currency);
        }
        String accountName = command.accountName() == null || command.accountName().isBlank()
                ? p.name() : command.accountName().trim();
        apply(new IntegrationConnected(command.integrationId(), command.agencyId(), command.clientId(), p.key(),
                accountName, settings));
    }

    @CommandHandler
    SyncPlan handle(StartSync command) {
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
        if (runningSyncId != null && runningSince.plus(STALE_AFTER).isAfter(command.at())) {
            throw new DomainException(Kind.CONFLICT, "Sync running", "A sync is already running");
        }
        LocalDate from = command.from();
        LocalDate to = command.to();
        if (from == null && to == null && !upload) {
            to = LocalDate.ofInstant(command.at(), ZONE).minusDays(1);
            LocalDate earliest = to.minusDays(FIRST_SYNC_DAYS - 1);
            from = lastSyncedTo == null ? earliest : max(earliest, min(lastSyncedTo.minusDays(REFETCH_DAYS), to));
        }
        if (from == null || to == null || from.isAfter(to)) {
            throw new DomainException(Kind.INVALID, "A sync needs a day range from..to with from on or before to.");
        }
        apply(new IntegrationSyncStarted(integrationId, agencyId, clientId, provider, command.syncId(), from, to,
                command.trigger()));
        return new SyncPlan(integrationId, command.syncId(), clientId, provider, settings, from, to);
    }

    @CommandHandler
    int handle(CompleteSync command) {
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
                runningTo, changed));
        return changed;
    }

    @CommandHandler
    void handle(FailSync command) {
        requireSameAgency(command.agencyId());
        requireRunning(command.syncId());
        String reason = FAILURE_REASONS.contains(command.reason()) ? command.reason() : "provider";
        String message = command.message() == null ? "" : command.message();
        apply(new IntegrationSyncFailed(integrationId, agencyId, clientId, provider, command.syncId(), reason,
                message.length() > 500 ? message.substring(0, 500) : message));
    }

    @CommandHandler
    void handle(DisconnectIntegration command, SyncSchedule schedule) {
        requireSameAgency(command.agencyId());
        requireConnected();
        apply(new IntegrationDisconnected(integrationId, agencyId, clientId, provider));
        schedule.remove(integrationId);
    }

    @CommandHandler
    void handle(CheckUpload command) {
        requireSameAgency(command.agencyId());
        requireConnected();
        if (Providers.find(provider).orElseThrow().fetched()) {
            throw new DomainException(Kind.CONFLICT, "Not an upload integration", "Only CSV integrations accept uploads.");
        }
    }

    /** Another agency's integration does not exist as far as the caller can tell. */
    private void requireSameAgency(UUID agency) {
        if (!agencyId.equals(agency)) {
            throw DomainException.notFound("The integration");
        }
    }

    private void requireConnected() {
        if (disconnected) {
            throw new DomainException(Kind.CONFLICT, "Integration disconnected", "The integration is disconnected.");
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

    @EventSourcingHandler
    void on(IntegrationConnected event) {
        integrationId = event.integrationId();
        agencyId = event.agencyId();
        clientId = event.clientId();
        provider = event.provider();
        settings = event.settings() == null ? Map.of() : Map.copyOf(event.settings());
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
    }

    @EventSourcingHandler
    void on(IntegrationDisconnected event) {
        disconnected = true;
        runningSyncId = null;
    }
}
