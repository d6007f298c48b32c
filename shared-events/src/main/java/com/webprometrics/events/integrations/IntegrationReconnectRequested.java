package com.webprometrics.events.integrations;

import java.util.UUID;

/**
 * Someone started a new authorization round trip for an OAuth integration (after its grant was revoked or ran
 * out, or to change the account's permissions). Like {@link IntegrationRequested}, nothing of the round trip itself
 * is recorded; {@link IntegrationAuthorized} or {@link IntegrationAuthorizationFailed} follows.
 */
public record IntegrationReconnectRequested(UUID integrationId, UUID agencyId, UUID clientId, String provider) {
}
