package com.webprometrics.events.billing;

import java.util.UUID;

/** A scheduled cancellation was taken back: the subscription renews as before. */
public record CancellationWithdrawn(UUID subscriptionId, UUID agencyId) {
}
