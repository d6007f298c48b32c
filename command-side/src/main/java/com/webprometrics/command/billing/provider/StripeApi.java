package com.webprometrics.command.billing.provider;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The payment provider's API in its wire format: form-encoded requests authenticated with the secret key (HTTP
 * Basic, the key as user), JSON answers, {@code {"error":{…}}} on failure, and an {@code Idempotency-Key} on every
 * POST so that a retried request never creates or charges twice. Only what WebProMetrics needs: a customer per
 * subscription, a hosted setup page (Checkout in setup mode) to save a card, the saved card's display details, and
 * off-session charges.
 */
public class StripeApi {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final URI base;
    private final String authorization;
    private final HttpClient http;

    /** A request the provider refused: its HTTP status and its error object's type, code and message. */
    public static class ProviderException extends RuntimeException {
        public final int status;
        public final String type;
        public final String code;
        public final String declineCode;

        ProviderException(int status, String type, String code, String declineCode, String message) {
            super(message);
            this.status = status;
            this.type = type;
            this.code = code;
            this.declineCode = declineCode;
        }
    }

    public record SetupSession(String id, String url) {
    }

    public record Card(String paymentMethodId, String brand, String last4, int expMonth, int expYear) {
    }

    /** How an off-session charge turned out; a decline is an answer, not an exception. */
    public record Charge(String paymentIntentId, boolean succeeded, String failureCode, String failureMessage) {
    }

    /** Connecting and each answer: a charge runs in a transaction and must not hold its connection long. */
    private final Duration timeout;

    public StripeApi(URI base, String secretKey, Duration timeout) {
        this.base = base;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((secretKey + ":").getBytes(StandardCharsets.UTF_8));
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
    }

    /** @param idempotencyKey the same for every attempt to create this subscription's customer */
    public String createCustomer(String email, String name, UUID subscriptionId, String idempotencyKey) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("email", email);
        form.put("name", name);
        form.put("metadata[subscriptionId]", subscriptionId.toString());
        return post("/v1/customers", form, idempotencyKey).path("id").asString();
    }

    /** A hosted page where the customer saves a card for later, off-session payments. */
    public SetupSession createSetupSession(String customerId, String currency, String successUrl, String cancelUrl,
                                           UUID subscriptionId, String idempotencyKey) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("mode", "setup");
        form.put("currency", currency.toLowerCase(java.util.Locale.ROOT));
        form.put("customer", customerId);
        form.put("payment_method_types[]", "card");
        form.put("success_url", successUrl);
        form.put("cancel_url", cancelUrl);
        form.put("client_reference_id", subscriptionId.toString());
        form.put("metadata[subscriptionId]", subscriptionId.toString());
        JsonNode session = post("/v1/checkout/sessions", form, idempotencyKey);
        return new SetupSession(session.path("id").asString(), session.path("url").asString());
    }

    /** The setup intent of a completed setup session (null while the customer has not saved a card). */
    public String setupIntentOf(String sessionId) {
        return text(get("/v1/checkout/sessions/" + encode(sessionId)), "setup_intent");
    }

    /** The card a completed setup session saved. */
    public Card savedCard(String setupIntentId) {
        String paymentMethod = get("/v1/setup_intents/" + encode(setupIntentId)).path("payment_method").asString();
        JsonNode card = get("/v1/payment_methods/" + encode(paymentMethod)).path("card");
        return new Card(paymentMethod, card.path("brand").asString(), card.path("last4").asString(),
                card.path("exp_month").asInt(), card.path("exp_year").asInt());
    }

    /** @param idempotencyKey one per attempt to pay an invoice: a retried request never charges twice */
    public Charge charge(long amountMinor, String currency, String customerId, String paymentMethodId,
                         Map<String, String> metadata, String idempotencyKey) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("amount", Long.toString(amountMinor));
        form.put("currency", currency.toLowerCase(java.util.Locale.ROOT));
        form.put("customer", customerId);
        form.put("payment_method", paymentMethodId);
        form.put("payment_method_types[]", "card");
        form.put("off_session", "true");
        form.put("confirm", "true");
        metadata.forEach((k, v) -> form.put("metadata[" + k + "]", v));
        try {
            JsonNode intent = post("/v1/payment_intents", form, idempotencyKey);
            return new Charge(intent.path("id").asString(), "succeeded".equals(intent.path("status").asString()),
                    null, null);
        } catch (ProviderException e) {
            if (e.status == 402 && "card_error".equals(e.type)) {
                return new Charge(null, false, e.declineCode != null ? e.declineCode : e.code, e.getMessage());
            }
            throw e;
        }
    }

    private JsonNode get(String path) {
        return exchange(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    private JsonNode post(String path, Map<String, String> form, String idempotencyKey) {
        String body = form.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return exchange(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private JsonNode exchange(HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = http.send(request.header("Authorization", authorization).timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ProviderException(0, "api_connection_error", null, null, "The payment provider could not be reached: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(0, "api_connection_error", null, null, "Interrupted");
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
        } catch (tools.jackson.core.JacksonException e) {
            throw new ProviderException(response.statusCode(), "api_error", null, null,
                    "The payment provider answered " + response.statusCode() + " without JSON");
        }
        if (response.statusCode() / 100 != 2) {
            JsonNode error = body.path("error");
            throw new ProviderException(response.statusCode(), text(error, "type"), text(error, "code"),
                    text(error, "decline_code"), text(error, "message"));
        }
        return body;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
