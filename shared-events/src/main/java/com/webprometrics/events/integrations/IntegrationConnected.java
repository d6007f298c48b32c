package com.webprometrics.events.integrations;

import java.util.Map;
import java.util.UUID;

/**
 * A client's account at a provider is connected and may be synced. {@code provider} is a provider key
 * ({@code demo}, {@code csv}, {@code ga4}, {@code google-ads}, {@code meta-ads}, {@code search-console});
 * {@code settings} holds only non-secret choices (property id, account id); credentials never appear here.
 */
public record IntegrationConnected(UUID integrationId, UUID agencyId, UUID clientId, String provider,
                                   String accountName, Map<String, String> settings) {
}
