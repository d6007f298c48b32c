package com.webprometrics.command.integrations.sync;

import com.webprometrics.command.billing.BillingStanding;
import com.webprometrics.command.infra.tables.CommandTables;
import com.webprometrics.command.infra.tables.EventFedTable;
import com.webprometrics.command.integrations.Integration;
import com.webprometrics.command.integrations.ProviderFailure;
import com.webprometrics.command.integrations.Providers;
import com.webprometrics.events.catalogue.ProviderInfo;
import com.webprometrics.events.integrations.IntegrationAuthorized;
import com.webprometrics.events.integrations.IntegrationConnected;
import com.webprometrics.events.integrations.IntegrationDisconnected;
import com.webprometrics.events.integrations.IntegrationSyncFailed;
import com.webprometrics.events.integrations.IntegrationSyncStarted;
import com.webprometrics.events.integrations.IntegrationSyncSucceeded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code command.integration_schedule}: when each fetched integration is next due for a scheduled sync, as its events
 * say — connected (demo) or authorized (OAuth): due after {@code wpm.integrations.sync-interval}; a sync started: due
 * again when it would be stale ({@link Integration#STALE_AFTER}, the lease that retries a sync whose process died);
 * finished or failed: due after the interval; the grant lost or disconnected: off the schedule until reauthorized.
 */
@Component
@ProcessingGroup(CommandTables.GROUP)
public class SyncSchedule implements EventFedTable {
    private final JdbcTemplate jdbc;
    private final Duration interval;

    SyncSchedule(JdbcTemplate jdbc, @Value("${wpm.integrations.sync-interval}") Duration interval) {
        this.jdbc = jdbc;
        this.interval = interval;
    }

    public record Due(UUID integrationId, UUID agencyId) {
    }

    @Override
    public List<String> tables() {
        return List.of("command.integration_schedule");
    }

    /**
     * The integration due longest at {@code now}, locked until the caller's transaction ends (other instances skip
     * it), leaving out {@code skip} (refused earlier in the same round).
     */
    Optional<Due> claimNext(Instant now, Collection<UUID> skip) {
        return jdbc.query(connection -> {
            var statement = connection.prepareStatement("SELECT integration_id, agency_id FROM command.integration_schedule "
                    + "WHERE next_sync_at <= ? AND NOT integration_id = ANY (?) AND "
                    + BillingStanding.inGoodStanding("command.integration_schedule.agency_id") + " ORDER BY next_sync_at LIMIT 1 "
                    + "FOR UPDATE SKIP LOCKED");
            statement.setTimestamp(1, java.sql.Timestamp.from(now));
            statement.setArray(2, connection.createArrayOf("uuid", skip.toArray()));
            return statement;
        }, (rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).stream().findFirst();
    }

    @EventHandler
    void on(IntegrationConnected e, @Timestamp Instant time) {
        Instant at = EventFedTable.stored(time);
        if (ProviderInfo.find(e.provider()).map(ProviderInfo::fetched).orElse(false)) {
            due(e.integrationId(), e.agencyId(), at.plus(interval));
        }
    }

    @EventHandler
    void on(IntegrationAuthorized e, @Timestamp Instant time) {
        Instant at = EventFedTable.stored(time);
        due(e.integrationId(), e.agencyId(), at.plus(interval));
    }

    @EventHandler
    void on(IntegrationSyncStarted e, @Timestamp Instant time) {
        Instant at = EventFedTable.stored(time);
        if (!Providers.CSV_UPLOAD_TRIGGER.equals(e.trigger())) {
            next(e.integrationId(), at.plus(Integration.STALE_AFTER));
        }
    }

    @EventHandler
    void on(IntegrationSyncSucceeded e, @Timestamp Instant time) {
        Instant at = EventFedTable.stored(time);
        next(e.integrationId(), at.plus(interval));
    }

    @EventHandler
    void on(IntegrationSyncFailed e, @Timestamp Instant time) {
        Instant at = EventFedTable.stored(time);
        if (ProviderFailure.AUTH.equals(e.reason())) {
            remove(e.integrationId());
        } else {
            next(e.integrationId(), at.plus(interval));
        }
    }

    @EventHandler
    void on(IntegrationDisconnected e) {
        remove(e.integrationId());
    }

    private void due(UUID integrationId, UUID agencyId, Instant at) {
        jdbc.update("INSERT INTO command.integration_schedule (integration_id, agency_id, next_sync_at) VALUES (?, ?, ?) "
                + "ON CONFLICT (integration_id) DO UPDATE SET next_sync_at = excluded.next_sync_at", integrationId,
                agencyId, java.sql.Timestamp.from(at));
    }

    private void next(UUID integrationId, Instant at) {
        jdbc.update("UPDATE command.integration_schedule SET next_sync_at = ? WHERE integration_id = ?",
                java.sql.Timestamp.from(at), integrationId);
    }

    private void remove(UUID integrationId) {
        jdbc.update("DELETE FROM command.integration_schedule WHERE integration_id = ?", integrationId);
    }
}
