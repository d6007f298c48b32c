package com.webprometrics.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Billing through the gateway against the payment provider's local stand-in: a card saved on its hosted page comes
 * back through its signed webhook; forged, stale and repeated webhooks change nothing.
 */
@ExtendWith(StackExtension.class)
class BillingEndToEndTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final Stack stack;
    private final Api anonymous;

    BillingEndToEndTest(Stack stack) {
        this.stack = stack;
        this.anonymous = stack.api();
    }

    private record Owner(String agencyId, String token, long position) {
    }

    private Owner signUp(Api api, String agencyName) {
        ApiResponse r = api.post("/api/auth/signup", Map.of("agencyName", agencyName, "name", "Bill Payer",
                "email", "billing-" + UUID.randomUUID() + "@agency.test", "password", PASSWORD), null);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return new Owner(r.field("agencyId"), r.field("accessToken"), r.json().path("position").asLong());
    }

    @Test
    void aCardSavedOnTheProvidersHostedPageShowsOnTheSubscription() throws Exception {
        Api api = anonymous.fromNewAddress();
        Owner owner = signUp(api, "Card Agency");
        ApiResponse outside = api.post("/api/subscriptions/payment-method", Map.of("returnUrl", "https://evil.test/x"),
                owner.token());
        assertThat(outside.status()).as("a return URL off our origin").isEqualTo(400);

        ApiResponse setup = api.post("/api/subscriptions/payment-method",
                Map.of("returnUrl", stack.baseUrl() + "/billing"), owner.token());
        assertThat(setup.status()).as(setup.toString()).isEqualTo(200);
        URI page = URI.create(setup.field("redirectUrl"));
        assertThat(page.toString()).startsWith(stack.paymentsUrl() + "/pay/cs_test_");
        assertThat(BROWSER.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString()).body())
                .contains("4242");

        HttpResponse<String> saved = BROWSER.send(HttpRequest.newBuilder(page)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("card=4242424242424242")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location").orElseThrow())
                .startsWith(stack.baseUrl() + "/billing?card=saved&session_id=cs_test_");

        JsonNode card = null;
        for (int i = 0; i < 100 && card == null; i++) {
            JsonNode current = api.get("/api/subscriptions/current", owner.token()).json();
            if (current.hasNonNull("paymentMethod")) card = current.path("paymentMethod");
            else Thread.sleep(100);
        }
        assertThat(card).as("the webhook reported the saved card").isNotNull();
        assertThat(card.path("brand").asText()).isEqualTo("visa");
        assertThat(card.path("last4").asText()).isEqualTo("4242");
        assertThat(card.path("expYear").asInt()).isGreaterThan(Instant.now().atZone(java.time.ZoneOffset.UTC).getYear());
        assertThat(countOf("ProviderEventReceived", owner.agencyId())).as("the completed session, once").isEqualTo(1);
        assertThat(countOf("PaymentMethodSaved", owner.agencyId())).isEqualTo(1);

        ApiResponse again = api.post("/api/subscriptions/payment-method", Map.of(), owner.token());
        assertThat(again.status()).as("a second card goes to the same customer").isEqualTo(200);
        assertThat(countOf("PaymentCustomerCreated", owner.agencyId())).isEqualTo(1);

        // the provider lost the customer (deleted there): the next setup makes a new one instead of failing
        String customer = customerOf(owner.agencyId());
        HttpResponse<String> deleted = BROWSER.send(HttpRequest.newBuilder(URI.create(stack.paymentsUrl() + "/v1/customers/" + customer))
                .header("Authorization", "Bearer " + stack.paymentKey()).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(deleted.body()).contains("\"deleted\":true");
        ApiResponse replaced = api.post("/api/subscriptions/payment-method", Map.of(), owner.token());
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(countOf("PaymentCustomerCreated", owner.agencyId())).isEqualTo(2);
        assertThat(customerOf(owner.agencyId())).isNotEqualTo(customer);
    }

    /** The provider customer the agency's subscription was last given. */
    private String customerOf(String agencyId) throws Exception {
        try (Connection c = stack.postgres().connect(stack.databaseName());
             PreparedStatement s = c.prepareStatement("SELECT convert_from(payload, 'UTF8') FROM event_store.domain_event_entry "
                     + "WHERE payload_type LIKE '%.PaymentCustomerCreated' AND convert_from(payload, 'UTF8') LIKE ? "
                     + "ORDER BY global_index DESC LIMIT 1")) {
            s.setString(1, "%" + agencyId + "%");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new com.fasterxml.jackson.databind.ObjectMapper().readTree(rs.getString(1)).path("customerId").asText();
            }
        }
    }

    @Test
    void forgedStaleAndRepeatedWebhooksChangeNothing() throws Exception {
        Api api = anonymous.fromNewAddress();
        long before = countOf("ProviderEventReceived", null);
        String eventId = "evt_" + UUID.randomUUID().toString().replace("-", "");
        byte[] body = ("{\"id\":\"" + eventId + "\",\"object\":\"event\",\"type\":\"customer.updated\",\"created\":"
                + Instant.now().getEpochSecond() + ",\"data\":{\"object\":{\"id\":\"cus_1\",\"object\":\"customer\"}}}")
                .getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();

        for (String forged : new String[] {null, "", "t=" + now + ",v1=" + "0".repeat(64),
                signature("whsec_not_ours", now, body), signature(stack.paymentWebhookSecret(), now - 600, body),
                "t=" + now + ",v0=" + signature(stack.paymentWebhookSecret(), now, body).split("v1=")[1]}) {
            ApiResponse refused = forged == null
                    ? api.sendBytes("POST", "/api/webhooks/payments/stripe", body, "application/json", null)
                    : api.sendBytes("POST", "/api/webhooks/payments/stripe", body, "application/json", null,
                    "Stripe-Signature", forged);
            assertThat(refused.status()).as(String.valueOf(forged)).isEqualTo(400);
            assertThat(refused.isProblem()).isTrue();
        }
        assertThat(countOf("ProviderEventReceived", null)).as("nothing written").isEqualTo(before);

        String genuine = signature(stack.paymentWebhookSecret(), now, body);
        List<Callable<String>> deliveries = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            deliveries.add(() -> api.sendBytes("POST", "/api/webhooks/payments/stripe", body, "application/json", null,
                    "Stripe-Signature", genuine).field("received"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(deliveries.size());
        List<String> outcomes = new ArrayList<>();
        try {
            for (Future<String> f : pool.invokeAll(deliveries)) outcomes.add(f.get());
        } finally {
            pool.shutdownNow();
        }
        assertThat(outcomes).filteredOn("processed"::equals).hasSize(1);
        assertThat(outcomes).filteredOn("duplicate"::equals).hasSize(5);
        assertThat(countOf("ProviderEventReceived", null)).isEqualTo(before + 1);

        // a dispute about a payment no subscription knows (yet): refused unrecorded, so a redelivery can find it
        byte[] early = ("{\"id\":\"evt_" + UUID.randomUUID().toString().replace("-", "") + "\",\"object\":\"event\","
                + "\"type\":\"charge.dispute.created\",\"created\":" + now + ",\"data\":{\"object\":{\"id\":\"dp_1\","
                + "\"object\":\"dispute\",\"payment_intent\":\"pi_unknown\"}}}").getBytes(StandardCharsets.UTF_8);
        ApiResponse notYet = api.sendBytes("POST", "/api/webhooks/payments/stripe", early, "application/json", null,
                "Stripe-Signature", signature(stack.paymentWebhookSecret(), now, early));
        assertThat(notYet.status()).isEqualTo(409);
        assertThat(notYet.json().path("type").asText()).endsWith("payment-not-yet-known");
        assertThat(countOf("ProviderEventReceived", null)).isEqualTo(before + 1);
    }

    private static String signature(String secret, long timestamp, byte[] body) {
        return com.webprometrics.paymentstandin.StandIn.signatureHeader(secret, timestamp,
                new String(body, StandardCharsets.UTF_8));
    }

    /** Events of one type, of one agency when given (its id in the payload). */
    private long countOf(String type, String agencyId) throws Exception {
        try (Connection c = stack.postgres().connect(stack.databaseName());
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM event_store.domain_event_entry "
                     + "WHERE payload_type LIKE ? AND convert_from(payload, 'UTF8') LIKE ?")) {
            s.setString(1, "%." + type);
            s.setString(2, agencyId == null ? "%" : "%" + agencyId + "%");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

}
