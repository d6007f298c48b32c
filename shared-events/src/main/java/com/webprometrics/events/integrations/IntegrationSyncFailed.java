package com.webprometrics.events.integrations;

import java.util.UUID;

/**
 * A sync ended without data. {@code reason}:
 * <ul>
 * <li>{@code auth} — the grant was revoked or has expired (Google {@code invalid_grant}, Meta code 190):
 * the integration syncs no more until it is reconnected;</li>
 * <li>{@code permission} — the grant is valid but no longer reaches the property, account or site (HTTP 403,
 * Meta codes 10/200–299): fix the access at the provider;</li>
 * <li>{@code quota} — a rate limit or quota, after bounded back-off or because the provider asked to wait
 * longer than we sleep: the next scheduled sync retries;</li>
 * <li>{@code provider} — the provider failed (5xx, timeouts) after bounded retries, or we could not record
 * the data;</li>
 * <li>{@code invalid} — the provider refused the request as malformed (bad setting such as an unknown
 * property, or a bug on our side).</li>
 * </ul>
 */
public record IntegrationSyncFailed(UUID integrationId, UUID agencyId, UUID clientId, String provider,
                                    UUID syncId, String reason, String message) {
}
