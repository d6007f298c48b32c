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

    /**
     * Handled by {@link ConnectIntegrationHandler}: the client must be the caller's and not archived, the
     * provider connectable here. OAuth providers start pending; demo and CSV are connected at once.
     */
    public record ConnectIntegration(UUID integrationId, UUID agencyId, UUID clientId, String provider,
                                     String accountName, Map<String, String> settings) {
    }

    /**
     * Begins a sync at {@code at}. With {@code from}/{@code to} null the integration plans the range itself
     * (first sync: the 365 days ending yesterday in the agency's zone; later: from the last synced day minus
     * the provider's re-fetch window in {@code refetchDays}, default 3). An upload
     * ({@code trigger = "csv-upload"}) names its range. Answers the {@link SyncPlan}.
     */
    public record StartSync(@TargetAggregateIdentifier UUID integrationId, UUID agencyId, UUID syncId,
                            LocalDate from, LocalDate to, String trigger, Instant at, Map<String, Integer> refetchDays) {
        public StartSync(UUID integrationId, UUID agencyId, UUID syncId, LocalDate from, LocalDate to, String trigger,
                         Instant at) {
            this(integrationId, agencyId, syncId, from, to, trigger, at, Map.of());
        }
    }

    /**
     * The fetched days of the running sync; only days whose numbers changed are recorded. Answers that count.
     * {@code nextSyncAt}: when the integration is due again (null: leave the schedule alone).
     */
    public record CompleteSync(@TargetAggregateIdentifier UUID integrationId, UUID agencyId, UUID syncId,
                               List<DayMetrics> days, String currency, String providerTimeZone, Instant nextSyncAt) {
        public CompleteSync(UUID integrationId, UUID agencyId, UUID syncId, List<DayMetrics> days, String currency) {
            this(integrationId, agencyId, syncId, days, currency, null, null);
        }
    }

    /** {@code reason}: see {@link ProviderFailure#REASONS}; {@code nextSyncAt} as in {@link CompleteSync}. */
    public record FailSync(@TargetAggregateIdentifier UUID integrationId, UUID agencyId, UUID syncId,
                           String reason, String message, Instant nextSyncAt) {
        public FailSync(UUID integrationId, UUID agencyId, UUID syncId, String reason, String message) {
            this(integrationId, agencyId, syncId, reason, message, null);
        }
    }

    /** Ends the connection and destroys its credentials. Answers the provider key (for a best-effort revoke). */
    public record DisconnectIntegration(@TargetAggregateIdentifier UUID integrationId, UUID agencyId) {
    }

    /** Records nothing; refuses (404/409) unless the integration is the caller's, connected and takes uploads. Answers its time zone. */
    public record CheckUpload(@TargetAggregateIdentifier UUID integrationId, UUID agencyId) {
    }

    /** Records nothing; refuses (404/409) unless the caller's OAuth integration can be reauthorized. Answers {@link Reconnectable}. */
    public record CheckReconnect(@TargetAggregateIdentifier UUID integrationId, UUID agencyId) {
    }

    public record Reconnectable(String provider, UUID clientId) {
    }

    /**
     * The OAuth callback's outcome: the grant is stored (already sealed by the credential store, opaque here)
     * in the same transaction as {@code IntegrationAuthorized}, and the integration is scheduled from
     * {@code firstDue} on.
     */
    public record AuthorizeIntegration(@TargetAggregateIdentifier UUID integrationId, UUID agencyId,
                                       List<String> scopes, Instant grantExpiresAt, byte[] sealedCredentials,
                                       Instant firstDue) {
    }

    /** The authorization round trip came back without a grant; {@code reason} as in {@code IntegrationAuthorizationFailed}. */
    public record RecordAuthorizationFailure(@TargetAggregateIdentifier UUID integrationId, UUID agencyId,
                                             String reason, String message) {
    }

    /** What a started sync needs to fetch: the provider, the client, the settings and the day range. */
    public record SyncPlan(UUID integrationId, UUID syncId, UUID clientId, String provider,
                           Map<String, String> settings, LocalDate from, LocalDate to) {
    }
}
