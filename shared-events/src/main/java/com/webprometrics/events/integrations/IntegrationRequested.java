package com.webprometrics.events.integrations;

import java.util.Map;
import java.util.UUID;

/**
 * A client's account at an OAuth provider ({@code ga4}, {@code google-ads}, {@code search-console},
 * {@code meta-ads}) was asked to be connected: the integration exists, pending, until the user authorizes
 * at the provider ({@link IntegrationAuthorized}). {@code settings} holds only non-secret choices (property
 * id, customer id, ad account, site); the OAuth state and any token are never recorded.
 *
 * @param timeZone the agency's IANA time zone ("yesterday" is computed in it); null means UTC
 */
public record IntegrationRequested(UUID integrationId, UUID agencyId, UUID clientId, String provider,
                                   String accountName, Map<String, String> settings, String timeZone) {
}
