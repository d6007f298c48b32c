package com.webprometrics.command.integrations.sync;

import com.webprometrics.command.infra.tables.CommandTables;
import com.webprometrics.command.integrations.Integration;
import com.webprometrics.command.integrations.IntegrationDirectory;
import com.webprometrics.command.integrations.Providers;
import com.webprometrics.events.integrations.IntegrationSyncStarted;
import com.webprometrics.platform.axon.eventstore.AfterCommit;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Map;

/**
 * A started sync of a fetched integration is fetched: once the start has committed, the provider is asked on the
 * sync executor, before the sync's time limit ({@link Integration#TIME_LIMIT} from now). Runs with the
 * command-side tables' handlers, but only for events as they happen — a rebuild of the tables does not replay it.
 */
@Component
@ProcessingGroup(CommandTables.GROUP)
class SyncLauncher {
    private final SyncService syncs;
    private final IntegrationDirectory directory;
    private final Clock clock;

    SyncLauncher(SyncService syncs, IntegrationDirectory directory, Clock clock) {
        this.syncs = syncs;
        this.directory = directory;
        this.clock = clock;
    }

    @EventHandler
    void on(IntegrationSyncStarted e, MetaData metaData) {
        if (Providers.CSV_UPLOAD_TRIGGER.equals(e.trigger())) {
            return;
        }
        Map<String, String> settings = directory.find(e.integrationId()).map(IntegrationDirectory.Entry::settings)
                .orElse(Map.of());
        SyncService.Fetch fetch = new SyncService.Fetch(e.integrationId(), e.agencyId(), e.clientId(), e.provider(),
                settings, e.syncId(), e.from(), e.to(), clock.instant().plus(Integration.TIME_LIMIT),
                SyncService.attribution(metaData));
        AfterCommit.run(() -> syncs.fetchInBackground(fetch));
    }
}
