package com.webprometrics.command.integrations;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

public final class IntegrationCommands {
    private IntegrationCommands() {
    }

    /** Handled by {@link ConnectIntegrationHandler}: the client must be the caller's and not archived. */
    public record ConnectIntegration(UUID integrationId, UUID agencyId, UUID clientId, String provider,
                                     String accountName, Map<String, String> settings) {
    }

    /**
     * Begins a sync at {@code at}. With {@code from}/{@code to} null the integration plans the range itself
     * (first sync: the 365 days ending yesterday; later: from the last synced day minus the re-fetch window).
     * An upload ({@code trigger = "csv-upload"}) names its range. Answers the {@link SyncPlan}.
     */
    public record StartSync(@TargetAggregateIdentifier UUID integrationId, UUID agencyId, UUID syncId,
                            LocalDate from, LocalDate to, String trigger, Instant at) {
    }

    /** The fetched days of the running sync; only days whose numbers changed are recorded. Answers that count. */
    public record CompleteSync(@TargetAggregateIdentifier UUID integrationId, UUID agencyId, UUID syncId,
                               List<DayMetrics> days, String currency) {
    }

    /** {@code reason}: auth, quota, provider or invalid (see {@code IntegrationSyncFailed}). */
    public record FailSync(@TargetAggregateIdentifier UUID integrationId, UUID agencyId, UUID syncId,
                           String reason, String message) {
    }

    public record DisconnectIntegration(@TargetAggregateIdentifier UUID integrationId, UUID agencyId) {
    }

    /** Records nothing; refuses (404/409) unless the integration is the caller's, connected and takes uploads. */
    public record CheckUpload(@TargetAggregateIdentifier UUID integrationId, UUID agencyId) {
    }

    /** What a started sync needs to fetch: the provider, the client, the settings and the day range. */
    public record SyncPlan(UUID integrationId, UUID syncId, UUID clientId, String provider,
                           Map<String, String> settings, LocalDate from, LocalDate to) {
    }
}
