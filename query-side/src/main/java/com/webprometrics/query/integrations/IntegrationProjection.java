package com.webprometrics.query.integrations;

import com.webprometrics.events.integrations.IntegrationAuthorizationFailed;
import com.webprometrics.events.integrations.IntegrationAuthorized;
import com.webprometrics.events.integrations.IntegrationConnected;
import com.webprometrics.events.integrations.IntegrationDisconnected;
import com.webprometrics.events.integrations.IntegrationRequested;
import com.webprometrics.events.integrations.IntegrationSyncFailed;
import com.webprometrics.events.integrations.IntegrationSyncStarted;
import com.webprometrics.events.integrations.IntegrationSyncSucceeded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import com.webprometrics.query.infra.BatchedWrites;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * {@code query.integrations_view}. Idempotent: each row remembers the global event position it reflects
 * and ignores anything at or before it, so a replay or a redelivered batch changes nothing. The position
 * (not the aggregate sequence) is used so the projection does not depend on how the command side
 * appends these events.
 */
@Component
@ProcessingGroup("integrations")
class IntegrationProjection {
    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;

    IntegrationProjection(JdbcTemplate jdbc, BatchedWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventHandler
    void on(IntegrationConnected e, TrackingToken token, @Timestamp Instant at) {
        writes.update("""
                INSERT INTO query.integrations_view (integration_id, agency_id, client_id, provider, account_name,
                    status, created_at, position)
                VALUES (?, ?, ?, ?, ?, 'connected', ?, ?)
                ON CONFLICT (integration_id) DO UPDATE SET account_name = excluded.account_name,
                    status = 'connected', last_error = NULL, position = excluded.position
                WHERE integrations_view.position < excluded.position""",
                e.integrationId(), e.agencyId(), e.clientId(), e.provider(), e.accountName(), java.sql.Timestamp.from(at),
                position(token));
    }

    /** An OAuth integration waiting for the user to authorize at the provider. */
    @EventHandler
    void on(IntegrationRequested e, TrackingToken token, @Timestamp Instant at) {
        writes.update("""
                INSERT INTO query.integrations_view (integration_id, agency_id, client_id, provider, account_name,
                    status, created_at, position)
                VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)
                ON CONFLICT (integration_id) DO NOTHING""",
                e.integrationId(), e.agencyId(), e.clientId(), e.provider(), e.accountName(), java.sql.Timestamp.from(at),
                position(token));
    }

    /** Authorized (or reauthorized after a revoked grant): usable again, the old error is history. */
    @EventHandler
    void on(IntegrationAuthorized e, TrackingToken token) {
        writes.update("""
                UPDATE query.integrations_view SET status = CASE WHEN status = 'syncing' THEN 'syncing' ELSE 'connected' END,
                    last_error = NULL, position = ?
                WHERE integration_id = ? AND position < ? AND status <> 'disconnected'""",
                position(token), e.integrationId(), position(token));
    }

    /**
     * The round trip brought no grant. A pending integration shows the error; one that still has a working
     * grant (a declined reconnect) keeps its status and only shows the message.
     */
    @EventHandler
    void on(IntegrationAuthorizationFailed e, TrackingToken token) {
        writes.update("""
                UPDATE query.integrations_view SET status = CASE WHEN status = 'pending' THEN 'error' ELSE status END,
                    last_error = ?, position = ?
                WHERE integration_id = ? AND position < ? AND status <> 'disconnected'""",
                e.message(), position(token), e.integrationId(), position(token));
    }

    @EventHandler
    void on(IntegrationSyncStarted e, TrackingToken token) {
        writes.update("""
                UPDATE query.integrations_view SET status = 'syncing', position = ?
                WHERE integration_id = ? AND position < ? AND status <> 'disconnected'""",
                position(token), e.integrationId(), position(token));
    }

    @EventHandler
    void on(IntegrationSyncSucceeded e, TrackingToken token, @Timestamp Instant at) {
        writes.update("""
                UPDATE query.integrations_view SET status = 'connected', last_sync_at = ?, last_success_at = ?,
                    last_error = NULL, position = ?
                WHERE integration_id = ? AND position < ? AND status <> 'disconnected'""",
                java.sql.Timestamp.from(at), java.sql.Timestamp.from(at), position(token), e.integrationId(), position(token));
    }

    @EventHandler
    void on(IntegrationSyncFailed e, TrackingToken token, @Timestamp Instant at) {
        writes.update("""
                UPDATE query.integrations_view SET status = 'error', last_sync_at = ?, last_error = ?, position = ?
                WHERE integration_id = ? AND position < ? AND status <> 'disconnected'""",
                java.sql.Timestamp.from(at), e.message(), position(token), e.integrationId(), position(token));
    }

    @EventHandler
    void on(IntegrationDisconnected e, TrackingToken token) {
        writes.update("""
                UPDATE query.integrations_view SET status = 'disconnected', position = ?
                WHERE integration_id = ? AND position < ?""",
                position(token), e.integrationId(), position(token));
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE query.integrations_view");
    }

    private static long position(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("no position in " + token));
    }
}
