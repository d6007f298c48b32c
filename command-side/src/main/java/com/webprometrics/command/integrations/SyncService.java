package com.webprometrics.command.integrations;

import com.webprometrics.command.integrations.IntegrationCommands.CheckUpload;
import com.webprometrics.command.integrations.IntegrationCommands.CompleteSync;
import com.webprometrics.command.integrations.IntegrationCommands.ConnectIntegration;
import com.webprometrics.command.integrations.IntegrationCommands.FailSync;
import com.webprometrics.command.integrations.IntegrationCommands.StartSync;
import com.webprometrics.command.integrations.IntegrationCommands.SyncPlan;
import com.webprometrics.events.catalogue.ProviderInfo;
import com.webprometrics.platform.domain.DomainException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs syncs: the integration decides (start, range, which days changed) in short commands, and the
 * provider is asked in between, outside any transaction. A process that dies mid-sync leaves a started
 * sync that the next attempt supersedes after {@link Integration#STALE_AFTER}; nothing is half-recorded,
 * because all of a sync's days are recorded by one command.
 */
@Service
public class SyncService {
    public static final String DEFAULT_CURRENCY = "USD";
    private static final Logger log = LoggerFactory.getLogger(SyncService.class);

    private final CommandGateway commands;
    private final Map<String, MetricsProvider> providers;
    private final Clock clock;

    SyncService(CommandGateway commands, List<MetricsProvider> providers, Clock clock) {
        this.commands = commands;
        this.providers = providers.stream().collect(Collectors.toMap(MetricsProvider::key, Function.identity()));
        this.clock = clock;
    }

    public record ImportOutcome(CsvImport.Result parsed, int daysRecorded) {
    }

    /** Connects and, for providers that sync on connect (demo), runs the first sync right away. */
    public UUID connect(UUID agencyId, UUID clientId, String provider, String accountName, Map<String, String> settings) {
        UUID integrationId = UUID.randomUUID();
        commands.sendAndWait(new ConnectIntegration(integrationId, agencyId, clientId, provider, accountName, settings));
        if (Providers.find(provider).map(ProviderInfo::syncOnConnect).orElse(false)) {
            requestSync(integrationId, agencyId, "connect");
        }
        return integrationId;
    }

    /**
     * Starts a sync of the range the integration plans, fetches it and completes it, or records the
     * failure. A refused start (running sync, disconnected, other agency) is thrown to the caller.
     * @return the sync's id
     */
    public UUID requestSync(UUID integrationId, UUID agencyId, String trigger) {
        UUID syncId = UUID.randomUUID();
        SyncPlan plan = commands.sendAndWait(new StartSync(integrationId, agencyId, syncId, null, null, trigger,
                clock.instant()));
        MetricsProvider source = providers.get(plan.provider());
        if (source == null) {
            fail(plan, agencyId, "provider", "No connector for provider " + plan.provider() + " is installed.");
            return syncId;
        }
        List<DayMetrics> days;
        try {
            days = source.fetch(plan.settings(), plan.clientId(), plan.from(), plan.to());
        } catch (ProviderFailure e) {
            fail(plan, agencyId, e.reason(), e.getMessage());
            return syncId;
        } catch (RuntimeException e) {
            log.warn("Sync {} of integration {} failed while fetching", syncId, integrationId, e);
            fail(plan, agencyId, "provider", "The provider failed unexpectedly.");
            return syncId;
        }
        complete(plan, agencyId, days);
        return syncId;
    }

    /**
     * Parses an upload for a CSV integration and records its good lines as one sync. Days whose numbers
     * did not change are not recorded again, so the same file twice records nothing new.
     */
    public ImportOutcome importCsv(UUID integrationId, UUID agencyId, InputStream file) {
        commands.sendAndWait(new CheckUpload(integrationId, agencyId));
        CsvImport.Result parsed = CsvImport.parse(file, LocalDate.now(clock.withZone(Integration.ZONE)));
        if (parsed.days().isEmpty()) {
            return new ImportOutcome(parsed, 0);
        }
        LocalDate from = parsed.days().get(0).date();
        LocalDate to = parsed.days().get(parsed.days().size() - 1).date();
        SyncPlan plan = commands.sendAndWait(new StartSync(integrationId, agencyId, UUID.randomUUID(), from, to,
                Providers.CSV_UPLOAD_TRIGGER, clock.instant()));
        return new ImportOutcome(parsed, complete(plan, agencyId, parsed.days()));
    }

    private int complete(SyncPlan plan, UUID agencyId, List<DayMetrics> days) {
        String currency = plan.settings().getOrDefault("currency", DEFAULT_CURRENCY);
        try {
            Integer recorded = commands.sendAndWait(new CompleteSync(plan.integrationId(), agencyId, plan.syncId(), days,
                    currency));
            return recorded == null ? 0 : recorded;
        } catch (DomainException e) {
            fail(plan, agencyId, "invalid", e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            log.warn("Sync {} of integration {} could not be completed", plan.syncId(), plan.integrationId(), e);
            fail(plan, agencyId, "provider", "The synced data could not be recorded.");
            throw e;
        }
    }

    /** Best effort: a sync that was superseded or disconnected meanwhile cannot fail any more. */
    private void fail(SyncPlan plan, UUID agencyId, String reason, String message) {
        try {
            commands.sendAndWait(new FailSync(plan.integrationId(), agencyId, plan.syncId(), reason, message));
        } catch (RuntimeException e) {
            log.warn("Could not record the failure of sync {} of integration {}", plan.syncId(), plan.integrationId(), e);
        }
    }
}
