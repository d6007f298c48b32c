package com.webprometrics.events.integrations;

import java.util.Map;
import java.util.UUID;

/**
 * A client's account at a provider that needs no authorization round trip ({@code demo}, {@code csv}) is
 * connected and may be synced. OAuth providers start with {@link IntegrationRequested} instead and become
 * usable with {@link IntegrationAuthorized}. {@code provider} is a provider key ({@code demo}, {@code csv},
 * {@code ga4}, {@code google-ads}, {@code meta-ads}, {@code search-console}); {@code settings} holds only
 * non-secret choices (property id, account id); credentials never appear here.
 *
 * @param timeZone the agency's IANA time zone when the integration was created ("yesterday" is computed
 *                 in it); null in events recorded before it was added, read as UTC
 */
public record IntegrationConnected(UUID integrationId, UUID agencyId, UUID clientId, String provider,
                                   String accountName, Map<String, String> settings, String timeZone) {

    /** Without a time zone (UTC), as recorded before the field existed. */
    public IntegrationConnected(UUID integrationId, UUID agencyId, UUID clientId, String provider, String accountName,
                                Map<String, String> settings) {
        this(integrationId, agencyId, clientId, provider, accountName, settings, null);
    }
}
