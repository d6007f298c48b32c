package com.webprometrics.paymentstandin;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The stand-in against the provider's wire format, with a webhook endpoint that checks every signature. */
class StandInTest {
    private static final String KEY = "sk_test_standin";
    private static final String WEBHOOK_SECRET = "whsec_standin";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    private HttpServer endpoint;
    private StandIn standIn;
    private String base;

    @BeforeEach
    void start() throws Exception {
        endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        endpoint.createContext("/webhook", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String header = exchange.getRequestHeaders().getFirst("Stripe-Signature");
                Map<String, String> parts = List.of(header.split(",")).stream()
                        .map(p -> p.split("=", 2)).collect(Collectors.toMap(p -> p[0], p -> p[1]));
                boolean valid = Webhooks.sign(WEBHOOK_SECRET, parts.get("t") + "." + body).equals(parts.get("v1"));
                exchange.sendResponseHeaders(valid ? 200 : 400, -1);
                if (valid) events.add(JSON.readTree(body));
            }
        });
        endpoint.start();
        standIn = new StandIn(0, URI.create("http://localhost:0"), KEY, WEBHOOK_SECRET,
                URI.create("http://127.0.0.1:" + endpoint.getAddress().getPort() + "/webhook"), Clock.systemUTC());
        base = "http://127.0.0.1:" + standIn.port();
    }

    @AfterEach
    void stop() {
        standIn.close();
        endpoint.stop(0);
    }

    @Test
    void aRequestWithoutTheSecretKeyIsRefusedWithAnErrorObject() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/customers"))
                .POST(HttpRequest.BodyPublishers.ofString("email=a%40b.test")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(response.body()).path("error").path("type").asString()).isEqualTo("invalid_request_error");
    }

    @Test
    void aCardSavedOnTheHostedPageIsChargedOffSessionOncePerIdempotencyKeyAndRefunded() throws Exception {
        String customer = post("/v1/customers", Map.of("email", "owner@agency.test", "metadata[agencyId]", "a1"), null)
                .path("id").asString();
        JsonNode session = post("/v1/checkout/sessions", Map.of("mode", "setup", "currency", "eur", "customer", customer,
                "success_url", "http://localhost:8080/billing?session_id={CHECKOUT_SESSION_ID}"), null);
        String sessionId = session.path("id").asString();
        assertThat(sessionId).startsWith("cs_test_");
        String page = http.send(HttpRequest.newBuilder(URI.create(base + "/pay/" + sessionId)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("4242", "0341");

        HttpResponse<String> chosen = http.send(HttpRequest.newBuilder(URI.create(base + "/pay/" + sessionId))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("card=4242424242424242")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chosen.statusCode()).isEqualTo(303);
        assertThat(chosen.headers().firstValue("Location")).hasValue("http://localhost:8080/billing?session_id=" + sessionId);

        JsonNode completed = next("checkout.session.completed");
        String setupIntent = completed.path("data").path("object").path("setup_intent").asString();
        assertThat(completed.path("data").path("object").path("status").asString()).isEqualTo("complete");
        assertThat(next("setup_intent.succeeded").path("data").path("object").path("id").asString()).isEqualTo(setupIntent);
        String paymentMethod = get("/v1/setup_intents/" + setupIntent).path("payment_method").asString();
        JsonNode card = get("/v1/payment_methods/" + paymentMethod).path("card");
        assertThat(card.path("last4").asString()).isEqualTo("4242");
        assertThat(card.path("brand").asString()).isEqualTo("visa");

        Map<String, String> payment = Map.of("amount", "2900", "currency", "eur", "customer", customer,
                "payment_method", paymentMethod, "off_session", "true", "confirm", "true", "metadata[invoiceId]", "inv-1");
        JsonNode intent = post("/v1/payment_intents", payment, "inv-1-attempt-1");
        assertThat(intent.path("status").asString()).isEqualTo("succeeded");
        assertThat(post("/v1/payment_intents", payment, "inv-1-attempt-1").path("id").asString())
                .as("the same key replays the first answer").isEqualTo(intent.path("id").asString());
        assertThat(next("payment_intent.succeeded").path("data").path("object").path("id").asString())
                .isEqualTo(intent.path("id").asString());
        HttpResponse<String> reused = send("/v1/payment_intents", Map.of("amount", "100", "currency", "eur",
                "customer", customer, "payment_method", paymentMethod), "inv-1-attempt-1");
        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(reused.body()).path("error").path("type").asString()).isEqualTo("idempotency_error");

        JsonNode refund = post("/v1/refunds", Map.of("payment_intent", intent.path("id").asString(), "amount", "900"), null);
        assertThat(refund.path("status").asString()).isEqualTo("succeeded");
        assertThat(next("charge.refunded").path("data").path("object").path("amount_refunded").asLong()).isEqualTo(900);
        assertThat(events).as("nothing was sent twice").isEmpty();
    }

    @Test
    void aSavedCardThatDeclinesAnswers402WithTheFailedPaymentIntent() throws Exception {
        String customer = post("/v1/customers", Map.of("email", "owner@agency.test"), null).path("id").asString();
        JsonNode declined = JSON.readTree(send("/v1/payment_intents", Map.of("amount", "2900", "currency", "eur",
                "customer", customer, "payment_method", "pm_card_chargeCustomerFail", "off_session", "true",
                "confirm", "true"), "k").body());
        assertThat(declined.path("error").path("type").asString()).isEqualTo("card_error");
        assertThat(declined.path("error").path("code").asString()).isEqualTo("card_declined");
        assertThat(declined.path("error").path("payment_intent").path("status").asString())
                .isEqualTo("requires_payment_method");
        assertThat(next("payment_intent.payment_failed").path("data").path("object").path("last_payment_error")
                .path("decline_code").asString()).isEqualTo("generic_decline");
    }

    @Test
    void withAStateFileCustomersAndIdempotentAnswersOutliveARestart(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path state = dir.resolve("standin.json");
        standIn.close();
        standIn = new StandIn(0, URI.create("http://localhost:0"), KEY, WEBHOOK_SECRET,
                URI.create("http://127.0.0.1:" + endpoint.getAddress().getPort() + "/webhook"), Clock.systemUTC(), state);
        base = "http://127.0.0.1:" + standIn.port();
        JsonNode customer = post("/v1/customers", Map.of("email", "kept@agency.test"), "customer-1");

        standIn.close();
        standIn = new StandIn(0, URI.create("http://localhost:0"), KEY, WEBHOOK_SECRET,
                URI.create("http://127.0.0.1:" + endpoint.getAddress().getPort() + "/webhook"), Clock.systemUTC(), state);
        base = "http://127.0.0.1:" + standIn.port();

        assertThat(get("/v1/customers/" + customer.path("id").asString()).path("email").asString()).isEqualTo("kept@agency.test");
        assertThat(post("/v1/customers", Map.of("email", "kept@agency.test"), "customer-1").path("id").asString())
                .as("the same key still replays").isEqualTo(customer.path("id").asString());
    }

    /** Events that arrived before the one a test waited for: deliveries are concurrent, in no promised order. */
    private final java.util.List<JsonNode> arrivedEarly = new java.util.ArrayList<>();

    private JsonNode next(String type) throws InterruptedException {
        JsonNode event = arrivedEarly.stream().filter(e -> e.path("type").asString().equals(type)).findFirst()
                .orElse(null);
        arrivedEarly.remove(event);
        while (event == null) {
            JsonNode arrived = events.poll(10, TimeUnit.SECONDS);
            assertThat(arrived).as("a " + type + " event arrived").isNotNull();
            if (arrived.path("type").asString().equals(type)) {
                event = arrived;
            } else {
                arrivedEarly.add(arrived);
            }
        }
        assertThat(event.path("type").asString()).isEqualTo(type);
        assertThat(event.path("id").asString()).startsWith("evt_");
        return event;
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + KEY).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private JsonNode post(String path, Map<String, String> form, String idempotencyKey) throws Exception {
        HttpResponse<String> response = send(path, form, idempotencyKey);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String path, Map<String, String> form, String idempotencyKey) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .sorted().collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((KEY + ":").getBytes()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) request.header("Idempotency-Key", idempotencyKey);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
