package com.webprometrics.command.billing;

import com.webprometrics.command.billing.provider.ProviderProperties;
import com.webprometrics.command.billing.provider.StripeApi;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.UUID;

/**
 * Off-session charges of an invoice with the subscription's saved card. The idempotency key names the invoice, the
 * attempt, the card and the amount, so a step retried after a crash or a rollback replays the provider's first answer instead of charging
 * again. A provider that cannot be reached throws ({@link StripeApi.ProviderException}): nothing is decided then.
 */
@Component
class Charges {
    private final StripeApi provider;
    private final ProviderProperties properties;

    Charges(StripeApi provider, ProviderProperties properties) {
        this.provider = provider;
        this.properties = properties;
    }

    /** @param paymentIntentId null for a failure and for an invoice of nothing to pay */
    record Outcome(boolean paid, String paymentIntentId, String failureCode, String failureMessage) {
    }

    Outcome charge(Subscription subscription, UUID invoiceId, long totalCents, int attempt) {
        if (totalCents <= 0) {
            return new Outcome(true, null, null, null);
        }
        if (subscription.paymentMethodId() == null || subscription.customerId() == null || !properties.configured()) {
            return new Outcome(false, null, "no_payment_method", "No card is saved for this subscription.");
        }
        StripeApi.Charge charge = provider.charge(totalCents, subscription.currency(), subscription.customerId(),
                subscription.paymentMethodId(), Map.of("invoiceId", invoiceId.toString(),
                        "subscriptionId", subscription.subscriptionId().toString()),
                // the card and amount in the key: a retry with another card is a new request, not a replay
                "invoice-" + invoiceId + "-attempt-" + attempt + "-" + subscription.paymentMethodId() + "-"
                        + totalCents);
        return charge.succeeded() ? new Outcome(true, charge.paymentIntentId(), null, null)
                : new Outcome(false, null, charge.failureCode(), charge.failureMessage());
    }
}
