package com.webprometrics.command.integrations;

import com.webprometrics.command.infra.EventPositions;
import com.webprometrics.command.integrations.IntegrationCommands.CheckUpload;
import com.webprometrics.command.integrations.IntegrationCommands.CompleteSync;
import com.webprometrics.command.integrations.IntegrationCommands.FailSync;
import com.webprometrics.command.integrations.IntegrationCommands.StartSync;
import com.webprometrics.command.integrations.IntegrationCommands.SyncPlan;
import com.webprometrics.command.integrations.http.SyncDeadline;
import com.webprometrics.platform.axon.MetadataKeys;
import com.webprometrics.platform.domain.DomainException;
import com.webprometrics.platform.web.ProblemException;
import com.webprometrics.platform.web.RequestMetadata;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs syncs: the integration decides (start, range, which days changed) in short commands, and the
 * provider is asked in between, on the {@link SyncRunner}, outside any transaction. {@link #start} returns as
 * soon as the sync has started (its {@code IntegrationSyncStarted} is committed and the schedule row leased);
 * the fetch and the completion follow in the background, attributed to whoever started the sync. A process
 * that dies mid-sync leaves a started sync that the schedule supersedes after {@link Integration#STALE_AFTER};
 * nothing is half-recorded, because all of a sync's days are recorded by one command.
 */
@Service
public class SyncService {
    public static final String DEFAULT_CURRENCY = "USD";
    private static final Logger log = LoggerFactory.getLogger(SyncService.class);

    private final CommandGateway commands;
    private final Map<String, MetricsProvider> providers;
    private final SyncRunner runner;
    private final EventPositions positions;
    private final RequestMetadata requestMetadata;
    private final Clock clock;
    private final Duration interval;
    private final Map<String, Integer> refetchDays;

    SyncService(CommandGateway commands, List<MetricsProvider> providers, SyncRunner runner, EventPositions positions,
                RequestMetadata requestMetadata, Clock clock, @Value("${wpm.integrations.sync-interval}") Duration interval) {
        this.commands = commands;
        this.providers = providers.stream().collect(Collectors.toMap(MetricsProvider::key, Function.identity()));
        this.runner = runner;
        this.positions = positions;
        this.requestMetadata = requestMetadata;
        this.clock = clock;
        this.interval = interval;
        this.refetchDays = providers.stream().collect(Collectors.toMap(MetricsProvider::key, MetricsProvider::refetchDays));
    }

    public record ImportOutcome(CsvImport.Result parsed, int daysRecorded) {
    }

    /** A sync that has started: its id and the position of its {@code IntegrationSyncStarted}. */
    public record Started(UUID syncId, long position) {
    }

    public Started start(UUID integrationId, UUID agencyId, String trigger) {
        return start(integrationId, agencyId, trigger, Map.of());
    }

    /**
     * Starts a sync of the range the integration plans and hands the fetch to the background. A refused start
     * (running sync, disconnected, waiting for or needing authorization, other agency) is thrown to the caller.
     *
     * @param actor metadata to attribute the sync's events to when there is no signed-in request (OAuth callback)
     * @throws ProblemException 503 when the sync executor is full (the started sync is recorded as failed)
     */
    public Started start(UUID integrationId, UUID agencyId, String trigger, Map<String, String> actor) {
        Map<String, Object> metadata = new HashMap<>(requestMetadata.current());
        metadata.putAll(actor);
        UUID syncId = UUID.randomUUID();
        Instant startedAt = clock.instant();
        SyncPlan plan = send(new StartSync(integrationId, agencyId, syncId, null, null, trigger, startedAt,
                refetchDays), metadata);
        long position = positions.of(integrationId);
        Instant deadline = startedAt.plus(Integration.TIME_LIMIT);
        try {
            runner.submit(() -> inBackground(metadata, () -> fetchAndComplete(plan, agencyId, deadline, metadata)));
        } catch (RejectedExecutionException e) {
            fail(plan, agencyId, ProviderFailure.QUOTA, "Too many syncs are running on this server; the next "
                    + "scheduled sync tries again.", metadata);
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "busy", "Busy",
                    "Too many syncs are running right now; try again in a few minutes.");
        }
        return new Started(syncId, position);
    }

    public long positionOf(UUID integrationId) {
        return positions.of(integrationId);
    }

    /** Whether the background can take more syncs now (the scheduler claims no more than that). */
    int freeCapacity() {
        return runner.freeCapacity();
    }

    private void fetchAndComplete(SyncPlan plan, UUID agencyId, Instant deadline, Map<String, Object> metadata) {
        MetricsProvider source = providers.get(plan.provider());
        if (source == null) {
            fail(plan, agencyId, ProviderFailure.PROVIDER, "No connector for provider " + plan.provider()
                    + " is installed.", metadata);
            return;
        }
        MetricsProvider.Fetched fetched;
        try {
            fetched = SyncDeadline.runBefore(deadline, () -> source.fetch(new MetricsProvider.FetchRequest(
                    plan.integrationId(), plan.clientId(), plan.settings(), plan.from(), plan.to())));
        } catch (ProviderFailure e) {
            log.info("Sync {} of integration {} failed: {} ({})", plan.syncId(), plan.integrationId(), e.reason(),
                    e.getMessage());
            fail(plan, agencyId, e.reason(), e.getMessage(), metadata);
            return;
        } catch (RuntimeException e) {
            log.warn("Sync {} of integration {} failed while fetching: {}", plan.syncId(), plan.integrationId(),
                    e.getClass().getName());
            fail(plan, agencyId, ProviderFailure.PROVIDER, "The provider failed unexpectedly.", metadata);
            return;
        }
        String currency = fetched.currency() != null ? fetched.currency()
                : plan.settings().getOrDefault("currency", DEFAULT_CURRENCY);
        try {
            complete(plan, agencyId, fetched.days(), currency, fetched.timeZone(), metadata);
        } catch (RuntimeException e) {
            // recorded as a failed sync by complete(); nobody waits for this thread's outcome
        }
    }

    /**
     * Parses an upload for a CSV integration and records its good lines as one sync, in the request. Days whose
     * numbers did not change are not recorded again, so the same file twice records nothing new.
     */
    public ImportOutcome importCsv(UUID integrationId, UUID agencyId, InputStream file) {
        String zone = commands.sendAndWait(new CheckUpload(integrationId, agencyId));
        CsvImport.Result parsed = CsvImport.parse(file, LocalDate.now(clock.withZone(ZoneId.of(zone))));
        if (parsed.days().isEmpty()) {
            return new ImportOutcome(parsed, 0);
        }
        LocalDate from = parsed.days().get(0).date();
        LocalDate to = parsed.days().get(parsed.days().size() - 1).date();
        Map<String, Object> metadata = Map.of();
        SyncPlan plan = commands.sendAndWait(new StartSync(integrationId, agencyId, UUID.randomUUID(), from, to,
                Providers.CSV_UPLOAD_TRIGGER, clock.instant()));
        String currency = plan.settings().getOrDefault("currency", DEFAULT_CURRENCY);
        return new ImportOutcome(parsed, complete(plan, agencyId, parsed.days(), currency, null, metadata));
    }

    private int complete(SyncPlan plan, UUID agencyId, List<DayMetrics> days, String currency, String providerZone,
                         Map<String, Object> metadata) {
        try {
            Integer recorded = send(new CompleteSync(plan.integrationId(), agencyId, plan.syncId(), days, currency,
                    providerZone, next(plan)), metadata);
            return recorded == null ? 0 : recorded;
        } catch (DomainException e) {
            fail(plan, agencyId, ProviderFailure.INVALID, e.getMessage(), metadata);
            throw e;
        } catch (RuntimeException e) {
            log.warn("Sync {} of integration {} could not be completed", plan.syncId(), plan.integrationId(), e);
            fail(plan, agencyId, ProviderFailure.PROVIDER, "The synced data could not be recorded.", metadata);
            throw e;
        }
    }

    /** Best effort: a sync that was superseded or disconnected meanwhile cannot fail any more. */
    private void fail(SyncPlan plan, UUID agencyId, String reason, String message, Map<String, Object> metadata) {
        try {
            send(new FailSync(plan.integrationId(), agencyId, plan.syncId(), reason, message, next(plan)), metadata);
        } catch (RuntimeException e) {
            log.warn("Could not record the failure of sync {} of integration {}: {}", plan.syncId(),
                    plan.integrationId(), e.getMessage());
        }
    }

    /** Uploads leave the schedule alone (CSV integrations are not scheduled). */
    private Instant next(SyncPlan plan) {
        return providers.containsKey(plan.provider()) ? clock.instant().plus(interval) : null;
    }

    private <R> R send(Object command, Map<String, Object> metadata) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metadata));
    }

    private static void inBackground(Map<String, Object> metadata, Runnable work) {
        Object correlationId = metadata.get(MetadataKeys.CORRELATION_ID);
        if (correlationId != null) {
            MDC.put(MetadataKeys.CORRELATION_ID, correlationId.toString());
        }
        try {
            work.run();
        } finally {
            MDC.remove(MetadataKeys.CORRELATION_ID);
        }
    }
}
