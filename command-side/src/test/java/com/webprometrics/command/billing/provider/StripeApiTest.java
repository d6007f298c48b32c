package com.webprometrics.command.billing.provider;

import com.sun.net.httpserver.HttpServer;
import com.webprometrics.paymentstandin.StandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command side's provider client against the local stand-in, whose webhooks our verifier must accept. */
class StripeApiTest {
    private static final String KEY = "sk_test_" + UUID.randomUUID().toString().replace("-", "");
    private static final String WEBHOOK_SECRET = "whsec_" + UUID.randomUUID().toString().replace("-", "");

    private final List<String> verdicts = new CopyOnWriteArrayList<>();
    private HttpServer endpoint;
    private StandIn standIn;
    private StripeApi api;

    @BeforeEach
    void start() throws Exception {
        endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        endpoint.createContext("/webhook", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                verdicts.add(WebhookSignature.check(exchange.getRequestHeaders().getFirst("Stripe-Signature"), body,
                        List.of(WEBHOOK_SECRET), Duration.ofMinutes(5), java.time.Instant.now())
                        .map(Enum::name).orElse("ok " + new String(body, StandardCharsets.UTF_8).split("\"type\":\"")[1].split("\"")[0]));
                exchange.sendResponseHeaders(200, -1);
            }
        });
        endpoint.start();
        standIn = new StandIn(0, URI.create("http://localhost"), KEY, WEBHOOK_SECRET,
                URI.create("http://127.0.0.1:" + endpoint.getAddress().getPort() + "/webhook"), Clock.systemUTC());
        api = new StripeApi(URI.create("http://127.0.0.1:" + standIn.port()), KEY, Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        standIn.close();
        endpoint.stop(0);
    }

    @Test
    void aCardSavedOnTheHostedPageIsChargedOnceForOneIdempotencyKey() throws Exception {
        UUID subscription = UUID.randomUUID();
        String customer = api.createCustomer("owner@agency.test", "Agency Ltd", subscription, "customer-" + subscription);
        assertThat(api.createCustomer("owner@agency.test", "Agency Ltd", subscription, "customer-" + subscription))
                .as("a retried creation finds the first").isEqualTo(customer);
        StripeApi.SetupSession session = api.createSetupSession(customer, "EUR", "http://localhost:8080/billing?session={CHECKOUT_SESSION_ID}",
                "http://localhost:8080/billing", subscription, "setup-1");
        String setupIntent = chooseCard(session, "4242424242424242");

        StripeApi.Card card = api.savedCard(setupIntent);
        assertThat(card).extracting(StripeApi.Card::brand, StripeApi.Card::last4).containsExactly("visa", "4242");
        StripeApi.Charge paid = api.charge(2900, "EUR", customer, card.paymentMethodId(), Map.of("invoiceId", "inv-1"), "inv-1-1");
        assertThat(paid.succeeded()).isTrue();
        assertThat(api.charge(2900, "EUR", customer, card.paymentMethodId(), Map.of("invoiceId", "inv-1"), "inv-1-1")
                .paymentIntentId()).isEqualTo(paid.paymentIntentId());
        waitForWebhooks(3);
        // delivered concurrently, as the provider delivers: in no promised order
        assertThat(verdicts).containsExactlyInAnyOrder("ok checkout.session.completed", "ok setup_intent.succeeded",
                "ok payment_intent.succeeded");
    }

    @Test
    void aDeclineIsAnAnswerAndABadKeyAnError() throws Exception {
        UUID subscription = UUID.randomUUID();
        String customer = api.createCustomer("owner@agency.test", "Agency Ltd", subscription, "c-" + subscription);
        String setupIntent = chooseCard(api.createSetupSession(customer, "EUR", "http://localhost/ok", "http://localhost/back",
                subscription, "s-" + subscription), "4000000000000341");
        StripeApi.Charge declined = api.charge(2900, "EUR", customer, api.savedCard(setupIntent).paymentMethodId(),
                Map.of(), "inv-2-1");
        assertThat(declined.succeeded()).isFalse();
        assertThat(declined.failureCode()).isEqualTo("generic_decline");

        StripeApi wrongKey = new StripeApi(URI.create("http://127.0.0.1:" + standIn.port()), "sk_test_wrong", Duration.ofSeconds(2));
        assertThatThrownBy(() -> wrongKey.createCustomer("a@b.test", "A", subscription, "x"))
                .isInstanceOfSatisfying(StripeApi.ProviderException.class, e -> assertThat(e.status).isEqualTo(401));
    }

    /** What a browser does on the hosted page; answers the setup intent of the completed session. */
    private String chooseCard(StripeApi.SetupSession session, String number) throws Exception {
        URI page = URI.create("http://127.0.0.1:" + standIn.port() + URI.create(session.url()).getPath());
        int before = verdicts.size();
        HttpResponse<String> chosen = HttpClient.newHttpClient().send(HttpRequest.newBuilder(page)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("card=" + number)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chosen.statusCode()).isEqualTo(303);
        waitForWebhooks(before + 2);
        assertThat(verdicts.subList(before, before + 2)).contains("ok checkout.session.completed");
        return api.setupIntentOf(session.id());
    }

    private void waitForWebhooks(int count) throws InterruptedException {
        for (int i = 0; i < 100 && verdicts.size() < count; i++) {
            Thread.sleep(50);
        }
        assertThat(verdicts).hasSizeGreaterThanOrEqualTo(count);
    }
}
