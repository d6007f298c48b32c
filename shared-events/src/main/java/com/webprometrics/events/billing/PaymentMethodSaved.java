package com.webprometrics.events.billing;

import java.util.UUID;

/**
 * A card was saved on the provider's hosted page and is the one renewals charge from now on. Only what identifies
 * it to a person is kept (brand, last four digits, expiry) and the provider's reference to it.
 */
public record PaymentMethodSaved(UUID subscriptionId, UUID agencyId, String paymentMethodId, String brand,
                                 String last4, int expMonth, int expYear) {
}
