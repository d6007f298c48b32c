package com.webprometrics.events.billing;

import java.util.UUID;

/** The saved card was detached at the provider: renewals have no card to charge until a new one is saved. */
public record PaymentMethodRemoved(UUID subscriptionId, UUID agencyId, String paymentMethodId) {
}
