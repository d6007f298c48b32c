package com.webprometrics.events.billing;

import java.time.Instant;
import java.util.UUID;

/**
 * A webhook event of the payment provider was accepted (its signature checked), once: {@code recordId} follows from
 * the provider's event id, so a second delivery of the same event cannot be recorded again. {@code subscriptionId}
 * and {@code agencyId} are null when the event names none of our subscriptions.
 */
public record ProviderEventReceived(UUID recordId, UUID agencyId, String provider, String providerEventId, String type,
                                    Instant providerCreatedAt, UUID subscriptionId) {
}
