package com.webprometrics.paymentstandin;

import tools.jackson.databind.ObjectMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Events as the provider sends them: an {@code event} object POSTed to the endpoint with
 * {@code Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body" keyed with the endpoint secret>}. A
 * delivery that does not answer 2xx is retried a few times with growing pauses, then given up; every event stays
 * readable at {@code GET /v1/events/{id}}.
 */
final class Webhooks implements AutoCloseable {
    private static final int ATTEMPTS = 6;

    private final URI endpoint;
    private final String secret;
    private final Clock clock;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Like the provider's: several deliveries at once, in no promised order. */
    private final ScheduledExecutorService deliveries = Executors.newScheduledThreadPool(4, r -> {
        Thread thread = new Thread(r, "webhook-deliveries");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Map<String, Object>> events = new ConcurrentHashMap<>();

    Webhooks(URI endpoint, String secret, Clock clock, ObjectMapper json) {
        this.endpoint = endpoint;
        this.secret = secret;
        this.clock = clock;
        this.json = json;
    }

    /** Records the event and delivers it in the background; answers it. */
    Map<String, Object> send(String type, Map<String, Object> object, String idempotencyKey) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", Ids.next("evt_"));
        event.put("object", "event");
        event.put("api_version", StandIn.API_VERSION);
        event.put("created", clock.instant().getEpochSecond());
        event.put("data", Map.of("object", object));
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("id", idempotencyKey == null ? null : Ids.next("req_"));
        request.put("idempotency_key", idempotencyKey);
        event.put("request", request);
        event.put("type", type);
        events.put((String) event.get("id"), event);
        String body = json.writeValueAsString(event);
        deliveries.execute(() -> deliver(body, 1));
        return event;
    }

    Map<String, Object> find(String id) {
        return events.get(id);
    }

    private void deliver(String body, int attempt) {
        try {
            HttpRequest request = HttpRequest.newBuilder(endpoint)
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("Stripe-Signature", StandIn.signatureHeader(secret, clock.instant().getEpochSecond(), body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) return;
        } catch (Exception e) {
            // the endpoint is down or slow: retried like any failed delivery
        }
        if (attempt < ATTEMPTS) {
            deliveries.schedule(() -> deliver(body, attempt + 1), 1L << (attempt - 1), TimeUnit.SECONDS);
        }
    }

    static String sign(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        deliveries.shutdownNow();
    }
}
