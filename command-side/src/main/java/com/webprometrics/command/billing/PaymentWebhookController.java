package com.webprometrics.command.billing;

import com.webprometrics.command.billing.SubscriptionCommands.RecordProviderEvent;
import com.webprometrics.command.billing.SubscriptionCommands.SavedCard;
import com.webprometrics.command.billing.provider.ProviderProperties;
import com.webprometrics.command.billing.provider.StripeApi;
import com.webprometrics.command.billing.provider.WebhookSignature;
import com.webprometrics.command.infra.Commands;
import com.webprometrics.platform.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code POST /api/webhooks/payments/stripe} — no JWT: the signature over the raw body says who sent it. A bad or
 * missing signature answers 400 and writes nothing; each provider event id is recorded once (a redelivery, however
 * concurrent, answers 200 {@code duplicate} and changes nothing). Whatever the provider needs to tell, this answers
 * fast: at most one provider read (a completed setup's card) before the command.
 */
@RestController
class PaymentWebhookController {
    private static final Logger log = LoggerFactory.getLogger(PaymentWebhookController.class);
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    /** Events about our payments and cards that carry none of our metadata. */
    private static final java.util.Set<String> FOUND_BY_REFERENCE = java.util.Set.of("charge.refunded",
            "charge.dispute.created", "payment_method.detached");

    private final Commands commands;
    private final ProviderProperties properties;
    private final StripeApi provider;
    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final PaymentReferencesTable references;

    PaymentWebhookController(Commands commands, ProviderProperties properties, StripeApi provider, Clock clock,
                             JdbcTemplate jdbc, PaymentReferencesTable references) {
        this.references = references;
        this.commands = commands;
        this.properties = properties;
        this.provider = provider;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    record Received(String received, long position) {
    }

    @PostMapping("/api/webhooks/payments/stripe")
    Received receive(@RequestBody(required = false) byte[] body,
                     @RequestHeader(value = "Stripe-Signature", required = false) String signature) {
        byte[] raw = body == null ? new byte[0] : body;
        Optional<WebhookSignature.Failure> failure = WebhookSignature.check(signature, raw, properties.webhookSecrets(),
                properties.webhookTolerance(), clock.instant());
        if (failure.isPresent()) { // no webhook secret configured: nothing matches
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-signature", "Invalid signature",
                    "The Stripe-Signature header does not sign this body with our endpoint secret ("
                            + failure.get() + ").");
        }
        JsonNode event;
        try {
            event = JSON.readTree(raw);
        } catch (JacksonException e) {
            throw ProblemException.invalid("The body is not a JSON event.");
        }
        String id = event.path("id").asString("");
        String type = event.path("type").asString("");
        if (!id.startsWith("evt_") || type.isEmpty()) {
            throw ProblemException.invalid("The body is not an event object (no evt_ id or type).");
        }
        UUID record = ProviderEvent.recordId(id);
        if (recorded(record)) { // before any provider read: a redelivery costs one index lookup
            return new Received("duplicate", 0);
        }
        JsonNode object = event.path("data").path("object");
        SubscriptionCommands.ProviderObject facts = facts(object);
        UUID subscription = subscriptionOf(object);
        if (subscription == null) {
            subscription = references.subscriptionOf(facts.paymentIntentId(), facts.id()).orElse(null);
        }
        if (subscription == null && FOUND_BY_REFERENCE.contains(type)) {
            // a report about a payment or card whose own record has not committed yet (the provider can be faster than
            // our transaction): not recorded, so the provider's redelivery finds it
            throw new ProblemException(HttpStatus.CONFLICT, "payment-not-yet-known", "Payment not known yet",
                    "No subscription knows this payment or card yet; deliver the event again later.");
        }
        SavedCard card = "checkout.session.completed".equals(type) && "setup".equals(object.path("mode").asString(""))
                && object.hasNonNull("setup_intent") ? card(object.path("setup_intent").asString()) : null;
        try {
            long position = commands.send(new RecordProviderEvent(record, id, type,
                    Instant.ofEpochSecond(event.path("created").asLong(0)), subscription, card, facts)).position();
            return new Received("processed", position);
        } catch (RuntimeException e) {
            if (recorded(record)) { // a concurrent delivery of the same event won the unique key
                return new Received("duplicate", 0);
            }
            throw e;
        }
    }

    private boolean recorded(UUID record) {
        return !jdbc.queryForList("SELECT 1 FROM event_store.domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = 0", Integer.class, record.toString()).isEmpty();
    }

    private static SubscriptionCommands.ProviderObject facts(JsonNode object) {
        String id = object.path("id").asString("");
        String intent = "payment_intent".equals(object.path("object").asString("")) ? id
                : object.path("payment_intent").asString(null);
        UUID invoice;
        try {
            invoice = UUID.fromString(object.path("metadata").path("invoiceId").asString(""));
        } catch (IllegalArgumentException e) {
            invoice = null;
        }
        return new SubscriptionCommands.ProviderObject(id, intent, invoice, object.path("amount").asLong(0),
                object.path("amount_refunded").asLong(0), object.path("reason").asString(null));
    }

    private static UUID subscriptionOf(JsonNode object) {
        String reference = object.path("metadata").path("subscriptionId").asString(
                object.path("client_reference_id").asString(""));
        try {
            return reference.isEmpty() ? null : UUID.fromString(reference);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private SavedCard card(String setupIntent) {
        try {
            StripeApi.Card card = provider.savedCard(setupIntent);
            return new SavedCard(card.paymentMethodId(), card.brand(), card.last4(), card.expMonth(), card.expYear());
        } catch (StripeApi.ProviderException e) {
            log.warn("could not read the card of setup intent {}: {}", setupIntent, e.getMessage());
            // 502: the provider retries the delivery later, and the card is read then
            throw new ProblemException(HttpStatus.BAD_GATEWAY, "payment-provider", "Payment provider unavailable",
                    "The saved card could not be read from the provider yet.");
        }
    }

}
