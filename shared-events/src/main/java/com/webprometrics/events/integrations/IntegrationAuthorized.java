package com.webprometrics.events.integrations;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The user granted access at the provider (first connect or a reconnect): new credentials were stored in
 * the encrypted credential store, replacing any earlier ones, and the integration can sync. The event says
 * only that the grant changed — never a token, code or state. Routine access-token renewals during syncs
 * are not events.
 *
 * @param scopes    the scopes the provider says it granted
 * @param expiresAt when the grant itself runs out, if the provider says so (Meta's long-lived token, ~60
 *                  days); null for grants that last until revoked (Google refresh tokens)
 */
public record IntegrationAuthorized(UUID integrationId, UUID agencyId, UUID clientId, String provider,
                                    List<String> scopes, Instant expiresAt) {
}
