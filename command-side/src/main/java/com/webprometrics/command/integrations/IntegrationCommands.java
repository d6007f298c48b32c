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
     * ({@code trigger = "csv-upload"}) names its range. A fetch follows from {@code IntegrationSyncStarted}
     * ({@code sync.SyncLauncher}).
     */
    public record StartSync(@TargetAggregateIdentifier UUID integrationId, UUID agencyId, UUID syncId,
                            LocalDate from, LocalDate to, String trigger, Instant at, Map<String, Integer> refetchDays) {
        public StartSync(UUID integrationId, UUID agencyId, UUID syncId, LocalDate from, LocalDate to, String trigger,
                         Instant at) {
            this(integrationId, agencyId, syncId, from, to, trigger, at, Map.of());
        }
    }

    /** The fetched days of the running sync; only days whose numbers changed are recorded. Answers that count. */
    public record CompleteSync(@TargetAggregateIdentifier UUID integrationId, UUID agencyId, UUID syncId,
                               List<DayMetrics> days, String currency, String providerTimeZone) {
        public CompleteSync(UUID integrationId, UUID agencyId, UUID syncId, List<DayMetrics> days, String currency) {
            this(integrationId, agencyId, syncId, days, currency, null);
        }
    }

    /** {@code reason}: see {@link ProviderFailure#REASONS}. */
    public record FailSync(@TargetAggregateIdentifier UUID integrationId, UUID agencyId, UUID syncId,
                           String reason, String message) {
    }

    /** Ends the connection; its stored grant is destroyed in the same transaction. */
    public record DisconnectIntegration(@TargetAggregateIdentifier UUID integrationId, UUID agencyId) {
    }

    /** A new authorization round trip for the caller's OAuth integration is about to begin. */
    public record RequestReconnect(@TargetAggregateIdentifier UUID integrationId, UUID agencyId) {
    }

    /**
     * The OAuth callback's outcome. The caller stores the sealed grant in the same transaction; the integration
     * is scheduled from then on ({@code sync.SyncSchedule}).
     */
    public record AuthorizeIntegration(@TargetAggregateIdentifier UUID integrationId, UUID agencyId,
                                       List<String> scopes, Instant grantExpiresAt) {
    }

    /** The authorization round trip came back without a grant; {@code reason} as in {@code IntegrationAuthorizationFailed}. */
    public record RecordAuthorizationFailure(@TargetAggregateIdentifier UUID integrationId, UUID agencyId,
                                             String reason, String message) {
    }
}
