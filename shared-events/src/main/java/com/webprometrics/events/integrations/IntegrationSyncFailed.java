package com.webprometrics.events.integrations;

import java.util.UUID;

/**
 * A sync ended without data. {@code reason}: {@code auth} (token expired or grant revoked: reconnect),
 * {@code quota} (rate limit or quota), {@code provider} (the provider failed), {@code invalid} (bad input).
 */
public record IntegrationSyncFailed(UUID integrationId, UUID agencyId, UUID clientId, String provider,
                                    UUID syncId, String reason, String message) {
}
