package com.webprometrics.events.integrations;

import java.util.UUID;

/**
 * An authorization round trip for this integration came back without a usable grant; nothing was stored
 * and earlier credentials (if any) stay. {@code reason}: {@code access_denied} (the user declined at the
 * provider), {@code exchange_failed} (the provider refused or failed to exchange the code),
 * {@code missing_scope} (a required permission was not granted), {@code missing_refresh_token} (Google gave
 * no offline access). {@code message} is for people.
 */
public record IntegrationAuthorizationFailed(UUID integrationId, UUID agencyId, UUID clientId, String provider,
                                             String reason, String message) {
}
