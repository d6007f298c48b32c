package com.webprometrics.command.integrations.sync;

import com.webprometrics.websecurity.Uuids;
import com.webprometrics.command.infra.Commands;
import com.webprometrics.command.integrations.CsvImport;
import com.webprometrics.command.integrations.DayMetrics;
import com.webprometrics.command.integrations.Integration;
import com.webprometrics.command.integrations.IntegrationCommands.CompleteSync;
import com.webprometrics.command.integrations.IntegrationCommands.FailSync;
import com.webprometrics.command.integrations.IntegrationCommands.StartSync;
import com.webprometrics.command.integrations.IntegrationDirectory;
import com.webprometrics.command.integrations.IntegrationRejection;
import com.webprometrics.command.integrations.MetricsProvider;
import com.webprometrics.command.integrations.ProviderFailure;
import com.webprometrics.command.integrations.Providers;
import com.webprometrics.command.integrations.http.SyncDeadline;
import com.webprometrics.events.catalogue.ProviderInfo;
import com.webprometrics.platform.axon.MetadataKeys;
import com.webprometrics.platform.domain.DomainException;
import com.webprometrics.platform.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs syncs: the integration decides (start, range, which days changed) in short commands, and the provider is
 * asked in between, on the {@link SyncRunner}, outside any transaction. A start answers as soon as its
 * {@code IntegrationSyncStarted} is committed; the fetch and the completion follow in the background
 * ({@link SyncLauncher}), attributed to whoever started the sync. A process that dies mid-sync leaves a started sync
 * that the schedule supersedes after {@link Integration#STALE_AFTER}; nothing is half-recorded, because all of a
 * sync's days are recorded by one command.
 */
@Service
public class SyncService {
    public static final String DEFAULT_CURRENCY = "USD";
    private static final Logger log = LoggerFactory.getLogger(SyncService.class);

    private final Commands commands;
    private final Map<String, MetricsProvider> providers;
    private final Map<String, Integer> refetchDays;
    private final SyncRunner runner;
    private final IntegrationDirectory directory;
    private final Clock clock;

    SyncService(Commands commands, List<MetricsProvider> providers, SyncRunner runner, IntegrationDirectory directory,
                Clock clock) {
        this.commands = commands;
        this.providers = providers.stream().collect(Collectors.toMap(MetricsProvider::key, Function.identity()));
        this.refetchDays = providers.stream().collect(Collectors.toMap(MetricsProvider::key, MetricsProvider::refetchDays));
        this.runner = runner;
        this.directory = directory;
        this.clock = clock;
    }

    /** A sync that has started: its id and the position of its {@code IntegrationSyncStarted}. */
    public record Started(UUID syncId, long position) {
    }

    public record ImportOutcome(CsvImport.Result parsed, int daysRecorded, long position) {
    }

    /** What the launcher hands the background: a started sync of a fetched integration. */
    record Fetch(UUID integrationId, UUID agencyId, UUID clientId, String provider, Map<String, String> settings,
                 UUID syncId, LocalDate from, LocalDate to, java.time.Instant deadline, Map<String, Object> metadata) {
    }

    public Started start(UUID integrationId, UUID agencyId, String trigger) {
        return start(integrationId, agencyId, trigger, Map.of());
    }

    /**
     * Starts a sync of the range the integration plans. A refused start (running sync, disconnected, waiting for
     * or needing authorization, other agency) is thrown to the caller.
     *
     * @param actor metadata to attribute the sync's events to when there is no signed-in request (OAuth callback)
     * @throws ProblemException 503 when the sync executor is full
     */
    public Started start(UUID integrationId, UUID agencyId, String trigger, Map<String, String> actor) {
        if (runner.freeCapacity() == 0) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "busy", "Busy",
                    "Too many syncs are running right now; try again in a few minutes.");
        }
        UUID syncId = Uuids.random();
        long position = commands.send(new StartSync(integrationId, agencyId, syncId, null, null, trigger,
                clock.instant(), refetchDays), actor).position();
        return new Started(syncId, position);
    }

    /** A due integration, claimed by the schedule in the caller's transaction. */
    void startScheduled(UUID integrationId, UUID agencyId) {
        commands.send(new StartSync(integrationId, agencyId, Uuids.random(), null, null, "schedule", clock.instant(),
                refetchDays));
    }

    /** Whether the background can take more syncs now (the scheduler claims no more than that). */
    int freeCapacity() {
        return runner.freeCapacity();
    }

    void fetchInBackground(Fetch fetch) {
        try {
            runner.submit(() -> inBackground(fetch.metadata(), () -> fetchAndComplete(fetch)));
        } catch (RejectedExecutionException e) {
            fail(fetch.integrationId(), fetch.agencyId(), fetch.syncId(), ProviderFailure.QUOTA,
                    "Too many syncs are running on this server; the next scheduled sync tries again.", fetch.metadata());
        }
    }

    private void fetchAndComplete(Fetch f) {
        MetricsProvider source = providers.get(f.provider());
        if (source == null) {
            fail(f.integrationId(), f.agencyId(), f.syncId(), ProviderFailure.PROVIDER, "No connector for provider "
                    + f.provider() + " is installed.", f.metadata());
            return;
        }
        MetricsProvider.Fetched fetched;
        try {
            fetched = SyncDeadline.runBefore(f.deadline(), () -> source.fetch(new MetricsProvider.FetchRequest(
                    f.integrationId(), f.clientId(), f.settings(), f.from(), f.to())));
        } catch (ProviderFailure e) {
            log.info("Sync {} of integration {} failed: {} ({})", f.syncId(), f.integrationId(), e.reason(), e.getMessage());
            fail(f.integrationId(), f.agencyId(), f.syncId(), e.reason(), e.getMessage(), f.metadata());
            return;
        } catch (RuntimeException e) {
            log.warn("Sync {} of integration {} failed while fetching: {}", f.syncId(), f.integrationId(),
                    e.getClass().getName());
            fail(f.integrationId(), f.agencyId(), f.syncId(), ProviderFailure.PROVIDER, "The provider failed unexpectedly.",
                    f.metadata());
            return;
        }
        String currency = fetched.currency() != null ? fetched.currency()
                : f.settings().getOrDefault("currency", DEFAULT_CURRENCY);
        try {
            complete(f.integrationId(), f.agencyId(), f.syncId(), fetched.days(), currency, fetched.timeZone(), f.metadata());
        } catch (RuntimeException e) {
            // recorded as a failed sync by complete(); nobody waits for this thread's outcome
        }
    }

    /**
     * Parses an upload for a CSV integration and records its good lines as one sync, in the request. Days whose
     * numbers did not change are not recorded again, so the same file twice records nothing new.
     */
    public ImportOutcome importCsv(UUID integrationId, UUID agencyId, InputStream file) {
        IntegrationDirectory.Entry integration = directory.require(integrationId, agencyId);
        if ("disconnected".equals(integration.status())) {
            throw IntegrationRejection.DISCONNECTED.get();
        }
        if (ProviderInfo.find(integration.provider()).map(ProviderInfo::fetched).orElse(true)) {
            throw IntegrationRejection.NOT_UPLOAD.get();
        }
        ZoneId zone = integration.timeZone() == null ? ZoneOffset.UTC : ZoneId.of(integration.timeZone());
        CsvImport.Result parsed = CsvImport.parse(file, LocalDate.now(clock.withZone(zone)));
        if (parsed.days().isEmpty()) {
            return new ImportOutcome(parsed, 0, 0);
        }
        LocalDate from = parsed.days().get(0).date();
        LocalDate to = parsed.days().get(parsed.days().size() - 1).date();
        UUID syncId = Uuids.random();
        commands.send(new StartSync(integrationId, agencyId, syncId, from, to, Providers.CSV_UPLOAD_TRIGGER, clock.instant()));
        String currency = integration.settings().getOrDefault("currency", DEFAULT_CURRENCY);
        Commands.Sent<Integer> recorded = complete(integrationId, agencyId, syncId, parsed.days(), currency, null, Map.of());
        return new ImportOutcome(parsed, recorded.answer() == null ? 0 : recorded.answer(), recorded.position());
    }

    private Commands.Sent<Integer> complete(UUID integrationId, UUID agencyId, UUID syncId, List<DayMetrics> days,
                                            String currency, String providerZone, Map<String, Object> metadata) {
        try {
            return commands.send(new CompleteSync(integrationId, agencyId, syncId, days, currency, providerZone), metadata);
        } catch (DomainException e) {
            fail(integrationId, agencyId, syncId, ProviderFailure.INVALID, e.getMessage(), metadata);
            throw e;
        } catch (RuntimeException e) {
            log.warn("Sync {} of integration {} could not be completed", syncId, integrationId, e);
            fail(integrationId, agencyId, syncId, ProviderFailure.PROVIDER, "The synced data could not be recorded.", metadata);
            throw e;
        }
    }

    /** Best effort: a sync that was superseded or disconnected meanwhile cannot fail any more. */
    private void fail(UUID integrationId, UUID agencyId, UUID syncId, String reason, String message,
                      Map<String, Object> metadata) {
        try {
            commands.send(new FailSync(integrationId, agencyId, syncId, reason, message), metadata);
        } catch (RuntimeException e) {
            log.warn("Could not record the failure of sync {} of integration {}: {}", syncId, integrationId, e.getMessage());
        }
    }

    /** Who started a sync, for the commands that finish it on another thread. */
    static Map<String, Object> attribution(Map<String, ?> eventMetadata) {
        Map<String, Object> metadata = new HashMap<>();
        for (String key : List.of(MetadataKeys.USER_ID, MetadataKeys.AGENCY_ID, MetadataKeys.CORRELATION_ID,
                MetadataKeys.CLIENT_IP, MetadataKeys.USER_AGENT)) {
            Object value = eventMetadata.get(key);
            if (value != null) {
                metadata.put(key, value);
            }
        }
        return metadata;
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
