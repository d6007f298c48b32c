package com.webprometrics.events.billing;

import java.util.UUID;

/** The payment provider keeps the subscription's cards under this customer of its own. */
public record PaymentCustomerCreated(UUID subscriptionId, UUID agencyId, String customerId) {
}
