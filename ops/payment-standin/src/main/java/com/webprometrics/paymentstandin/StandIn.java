package com.webprometrics.paymentstandin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A local stand-in of the payment provider, speaking its wire format: form-encoded requests authenticated with the
 * secret key, JSON objects and error objects, idempotency keys, a hosted setup page where a test card is chosen,
 * off-session PaymentIntents that turn out as the provider's documented test cards do, refunds, and signed webhooks.
 * State is in memory, and written after every change to a state file when one is given (./wpm gives one in its data
 * directory), so customers and saved cards outlive a restart as they do at the provider.
 *
 * <p>The API: {@code POST /v1/customers}, {@code POST /v1/checkout/sessions} (mode {@code setup}),
 * {@code GET|DELETE /v1/customers/{id}}, {@code GET /v1/checkout/sessions/{id}}, {@code GET /v1/setup_intents/{id}}, {@code GET /v1/payment_methods/{id}},
 * {@code POST /v1/payment_methods/{id}/detach}, {@code POST /v1/payment_intents}, {@code GET /v1/payment_intents/{id}},
 * {@code POST /v1/refunds}, {@code GET /v1/events/{id}}. The hosted page: {@code GET|POST /pay/{session id}}.
 */
public final class StandIn implements AutoCloseable {
    static {
        // the JDK's server sends an answer's headers and body apart: without TCP_NODELAY each answer then waits for the
        // client's delayed ACK (~40 ms), which made every provider call of the command side take that long
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    static final String API_VERSION = "2025-12-15.clover";

    private final HttpServer server;
    private final String secretKey;
    private final URI publicUrl;
    private final Webhooks webhooks;
    private final Clock clock;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final Map<String, Map<String, Object>> objects = new HashMap<>();
    private final Map<String, Replay> idempotency = new HashMap<>();
    private final Path stateFile;

    record Replay(String body, int status, String response) {
    }

    private record Answer(int status, Object body) {
        static Answer ok(Object body) {
            return new Answer(200, body);
        }
    }

    /** A request refused the way the provider refuses it: an HTTP status and an {@code error} object. */
    static final class ProviderError extends RuntimeException {
        final int status;
        final Map<String, Object> error;

        ProviderError(int status, String type, String code, String message, String param) {
            super(message);
            this.status = status;
            this.error = new LinkedHashMap<>();
            error.put("type", type);
            error.put("code", code);
            error.put("message", message);
            error.put("param", param);
        }
    }

    /**
     * @param publicUrl where a browser reaches this server (the hosted page's links)
     * @param webhookEndpoint where events are POSTed
     */
    public StandIn(int port, URI publicUrl, String secretKey, String webhookSecret, URI webhookEndpoint, Clock clock)
            throws IOException {
        this(port, publicUrl, secretKey, webhookSecret, webhookEndpoint, clock, null);
    }

    /** @param stateFile where objects and idempotent answers are kept across restarts; null keeps them in memory only */
    private final java.util.concurrent.ExecutorService requests = Executors.newFixedThreadPool(4);

    public StandIn(int port, URI publicUrl, String secretKey, String webhookSecret, URI webhookEndpoint, Clock clock,
                   Path stateFile) throws IOException {
        this.stateFile = stateFile;
        load();
        this.secretKey = secretKey;
        this.publicUrl = publicUrl;
        this.webhooks = new Webhooks(webhookEndpoint, webhookSecret, clock, json);
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.createContext("/", this::handle);
        server.setExecutor(requests);
        server.start();
    }

    @SuppressWarnings("unchecked")
    private void load() throws IOException {
        if (stateFile == null || !Files.exists(stateFile)) return;
        Map<String, Object> state = json.readValue(stateFile.toFile(), Map.class);
        ((Map<String, Map<String, Object>>) state.getOrDefault("objects", Map.of()))
                .forEach((id, object) -> objects.put(id, new LinkedHashMap<>(object)));
        ((Map<String, Object>) state.getOrDefault("idempotency", Map.of()))
                .forEach((key, replay) -> idempotency.put(key, json.convertValue(replay, Replay.class)));
    }

    /** Written whole and moved into place: a crash leaves the previous state, never half of one. */
    private synchronized void save() {
        if (stateFile == null) return;
        try {
            Path next = stateFile.resolveSibling(stateFile.getFileName() + ".next");
            json.writeValue(next.toFile(), Map.of("objects", objects, "idempotency", idempotency));
            try { // customers' e-mails and names: the owner's only, like the key file beside it
                Files.setPosixFilePermissions(next, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system
            }
            Files.move(next, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            System.err.println("payment stand-in: could not write " + stateFile + ": " + e);
        }
    }

    /** The {@code Stripe-Signature} header the provider sends with {@code body} (for tests that deliver events themselves). */
    public static String signatureHeader(String webhookSecret, long timestamp, String body) {
        return "t=" + timestamp + ",v1=" + Webhooks.sign(webhookSecret, timestamp + "." + body);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        requests.shutdownNow();
        webhooks.close();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String body = read(exchange.getRequestBody());
            if (path.startsWith("/pay/")) {
                hostedPage(exchange, method, path.substring("/pay/".length()), Forms.parse(body));
                return;
            }
            if (!path.startsWith("/v1/")) {
                respond(exchange, 404, error(404, "invalid_request_error", null, "Unrecognized request URL.", null));
                return;
            }
            if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
                respond(exchange, 401, error(401, "invalid_request_error", null,
                        "Invalid API Key provided; use your secret key as the Bearer token or Basic user.", null));
                return;
            }
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            if ("POST".equals(method) && key != null) {
                idempotent(exchange, path, body, key);
                return;
            }
            Answer answer = api(method, path, exchange.getRequestURI().getRawQuery(), Forms.parse(body), key);
            if (!"GET".equals(method)) save();
            respond(exchange, answer.status(), json.writeValueAsString(answer.body()));
        } catch (RuntimeException e) {
            respond(exchange, 500, error(500, "api_error", null, "The stand-in failed: " + e, null));
        }
    }

    /**
     * The first request with a key is executed and its answer kept; the same key with the same parameters replays
     * it, with other parameters is an {@code idempotency_error}. Requests with one key run one at a time.
     */
    private void idempotent(HttpExchange exchange, String path, String body, String key) throws IOException {
        String scoped = path + " " + key;
        Replay replay;
        synchronized (this) {
            replay = idempotency.get(scoped);
            if (replay == null) {
                Answer answer = api("POST", path, null, Forms.parse(body), key);
                replay = new Replay(body, answer.status(), json.writeValueAsString(answer.body()));
                if (answer.status() != 400) { // a request refused as invalid is not kept: retrying it is safe
                    idempotency.put(scoped, replay);
                }
            } else if (!replay.body().equals(body)) {
                respond(exchange, 400, error(400, "idempotency_error", null, "Keys for idempotent requests can only be "
                        + "used with the same parameters they were first used with.", null));
                return;
            } else {
                exchange.getResponseHeaders().add("Idempotent-Replayed", "true");
            }
            save(); // before the answer: whoever got it may restart us at once
        }
        respond(exchange, replay.status(), replay.response());
    }

    private Answer api(String method, String path, String query, Forms form, String idempotencyKey) {
        String[] parts = path.substring(1).split("/");
        try {
            synchronized (this) {
                return switch (method + " " + (parts.length > 1 ? parts[1] : "") + "/" + parts.length) {
                    case "POST customers/2" -> Answer.ok(createCustomer(form));
                    case "GET customers/3" -> Answer.ok(find(parts[2], "customer"));
                    case "DELETE customers/3" -> Answer.ok(deleteCustomer(parts[2]));
                    case "POST checkout/3" -> Answer.ok(createCheckoutSession(form));
                    case "GET checkout/4" -> Answer.ok(expand(find(parts[3], "checkout.session"), query));
                    case "GET setup_intents/3" -> Answer.ok(find(parts[2], "setup_intent"));
                    case "GET payment_methods/3" -> Answer.ok(find(parts[2], "payment_method"));
                    case "POST payment_methods/4" -> Answer.ok(detach(parts[2], parts[3]));
                    case "POST payment_intents/2" -> charge(form, idempotencyKey);
                    case "GET payment_intents/2" -> Answer.ok(list("payment_intent", "/v1/payment_intents", query));
                    case "GET payment_intents/3" -> Answer.ok(find(parts[2], "payment_intent"));
                    case "POST refunds/2" -> Answer.ok(refund(form, idempotencyKey));
                    case "GET events/3" -> Answer.ok(event(parts[2]));
                    default -> throw new ProviderError(404, "invalid_request_error", null,
                            "Unrecognized request URL (" + method + ": " + path + ").", null);
                };
            }
        } catch (ProviderError e) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", e.error);
            return new Answer(e.status, body);
        }
    }

    private Map<String, Object> createCustomer(Forms form) {
        Map<String, Object> customer = newObject("cus_", "customer");
        customer.put("email", form.one("email"));
        customer.put("name", form.one("name"));
        customer.put("description", form.one("description"));
        customer.put("metadata", form.metadata());
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("default_payment_method", null);
        customer.put("invoice_settings", settings);
        return customer;
    }

    private Map<String, Object> createCheckoutSession(Forms form) {
        if (!"setup".equals(form.one("mode"))) {
            throw invalid("mode", "The stand-in hosts setup sessions only: pass mode=setup.");
        }
        String successUrl = required(form, "success_url");
        String customer = form.one("customer");
        Map<String, Object> found = customer == null ? null : objects.get(customer);
        if (customer != null && (found == null || !"customer".equals(found.get("object")))) {
            throw new ProviderError(400, "invalid_request_error", "resource_missing",
                    "No such customer: '" + customer + "'", "customer");
        }
        Map<String, Object> session = newObject("cs_test_", "checkout.session");
        session.put("mode", "setup");
        session.put("status", "open");
        session.put("customer", customer);
        session.put("currency", form.one("currency"));
        session.put("setup_intent", null);
        session.put("success_url", successUrl);
        session.put("cancel_url", form.one("cancel_url"));
        session.put("client_reference_id", form.one("client_reference_id"));
        session.put("metadata", form.metadata());
        session.put("expires_at", clock.instant().plusSeconds(24 * 3600).getEpochSecond());
        session.put("url", publicUrl.resolve("/pay/" + session.get("id")).toString());
        return session;
    }

    private Map<String, Object> deleteCustomer(String id) {
        find(id, "customer");
        objects.remove(id);
        Map<String, Object> deleted = new LinkedHashMap<>();
        deleted.put("id", id);
        deleted.put("object", "customer");
        deleted.put("deleted", true);
        return deleted;
    }

    private Map<String, Object> expand(Map<String, Object> session, String query) {
        if (query == null || !query.contains("setup_intent") || session.get("setup_intent") == null) {
            return session;
        }
        Map<String, Object> expanded = new LinkedHashMap<>(session);
        expanded.put("setup_intent", find((String) session.get("setup_intent"), "setup_intent"));
        return expanded;
    }

    /** The hosted page: a test card is chosen and saved for off-session payments, or the customer goes back. */
    private void hostedPage(HttpExchange exchange, String method, String sessionId, Forms form) throws IOException {
        Map<String, Object> session;
        synchronized (this) {
            session = objects.get(sessionId);
        }
        if (session == null || !"checkout.session".equals(session.get("object"))) {
            html(exchange, 404, "<p>This checkout page does not exist.</p>");
            return;
        }
        if ("GET".equals(method)) {
            html(exchange, 200, HostedPage.render(session));
            return;
        }
        if (form.one("cancel") != null) {
            redirect(exchange, session.get("cancel_url") == null ? (String) session.get("success_url")
                    : (String) session.get("cancel_url"));
            return;
        }
        Cards card = Cards.byNumber(form.one("card") == null ? "" : form.one("card")).orElse(null);
        if (card == null) {
            html(exchange, 400, HostedPage.render(session) + "<p role=\"alert\">Choose one of the test cards.</p>");
            return;
        }
        String returnTo;
        synchronized (this) {
            if (!"open".equals(session.get("status"))) {
                html(exchange, 409, "<p>This checkout session is " + session.get("status") + ".</p>");
                return;
            }
            Map<String, Object> paymentMethod = newPaymentMethod(card, (String) session.get("customer"));
            Map<String, Object> setupIntent = newObject("seti_", "setup_intent");
            setupIntent.put("status", "succeeded");
            setupIntent.put("usage", "off_session");
            setupIntent.put("customer", session.get("customer"));
            setupIntent.put("payment_method", paymentMethod.get("id"));
            setupIntent.put("last_setup_error", null);
            session.put("status", "complete");
            session.put("setup_intent", setupIntent.get("id"));
            webhooks.send("checkout.session.completed", copy(session), null);
            webhooks.send("setup_intent.succeeded", copy(setupIntent), null);
            returnTo = ((String) session.get("success_url")).replace("{CHECKOUT_SESSION_ID}", (String) session.get("id"));
            save();
        }
        redirect(exchange, returnTo);
    }

    private Map<String, Object> newPaymentMethod(Cards card, String customer) {
        Map<String, Object> paymentMethod = newObject("pm_", "payment_method");
        paymentMethod.put("type", "card");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("brand", card.brand);
        details.put("last4", card.last4());
        details.put("exp_month", 12);
        details.put("exp_year", clock.instant().atZone(java.time.ZoneOffset.UTC).getYear() + 3);
        details.put("fingerprint", "fp" + card.last4());
        details.put("country", "US");
        details.put("funding", "credit");
        paymentMethod.put("card", details);
        paymentMethod.put("customer", customer);
        paymentMethod.put("billing_details", Map.of());
        paymentMethod.put("_card", card.name());
        return paymentMethod;
    }

    private Map<String, Object> detach(String id, String action) {
        if (!"detach".equals(action)) {
            throw new ProviderError(404, "invalid_request_error", null, "Unrecognized request URL.", null);
        }
        Map<String, Object> paymentMethod = find(id, "payment_method");
        paymentMethod.put("customer", null);
        webhooks.send("payment_method.detached", copy(paymentMethod), null);
        return paymentMethod;
    }

    /**
     * An off-session PaymentIntent, confirmed at once: it succeeds or fails as the saved test card does. A failure
     * answers 402 with the error object (embedding the PaymentIntent, now {@code requires_payment_method}).
     */
    private Answer charge(Forms form, String idempotencyKey) {
        long amount = positiveAmount(form);
        String currency = required(form, "currency").toLowerCase(java.util.Locale.ROOT);
        String customer = required(form, "customer");
        find(customer, "customer");
        String paymentMethodId = required(form, "payment_method");
        Map<String, Object> paymentMethod = Cards.byToken(paymentMethodId)
                .map(card -> newPaymentMethod(card, customer))
                .orElseGet(() -> find(paymentMethodId, "payment_method"));
        if (!customer.equals(paymentMethod.get("customer"))) {
            throw invalid("payment_method", "The PaymentMethod " + paymentMethodId
                    + " does not belong to the Customer " + customer + ".");
        }
        Map<String, Object> intent = newObject("pi_", "payment_intent");
        intent.put("amount", amount);
        intent.put("currency", currency);
        intent.put("customer", customer);
        intent.put("payment_method", paymentMethod.get("id"));
        intent.put("metadata", form.metadata());
        intent.put("off_session", "true".equals(form.one("off_session")));
        Cards card = Cards.valueOf((String) paymentMethod.get("_card"));
        if (card.outcome == Cards.Outcome.DECLINED || card.outcome == Cards.Outcome.AUTHENTICATION_REQUIRED) {
            boolean auth = card.outcome == Cards.Outcome.AUTHENTICATION_REQUIRED;
            Map<String, Object> lastError = new LinkedHashMap<>();
            lastError.put("type", "card_error");
            lastError.put("code", auth ? "authentication_required" : "card_declined");
            lastError.put("decline_code", auth ? "authentication_required" : "generic_decline");
            lastError.put("message", auth ? "Your card was declined. This transaction requires authentication."
                    : "Your card was declined.");
            intent.put("status", "requires_payment_method");
            intent.put("amount_received", 0);
            intent.put("latest_charge", null);
            intent.put("last_payment_error", lastError);
            webhooks.send("payment_intent.payment_failed", copy(intent), idempotencyKey);
            ProviderError declined = new ProviderError(402, "card_error", (String) lastError.get("code"),
                    (String) lastError.get("message"), null);
            declined.error.put("decline_code", lastError.get("decline_code"));
            declined.error.put("doc_url", "https://stripe.com/docs/error-codes/" + lastError.get("code"));
            declined.error.put("payment_intent", copy(intent));
            throw declined;
        }
        Map<String, Object> charge = newObject("ch_", "charge");
        charge.put("amount", amount);
        charge.put("amount_refunded", 0);
        charge.put("refunded", false);
        charge.put("currency", currency);
        charge.put("payment_intent", intent.get("id"));
        charge.put("customer", customer);
        intent.put("status", "succeeded");
        intent.put("amount_received", amount);
        intent.put("latest_charge", charge.get("id"));
        intent.put("last_payment_error", null);
        webhooks.send("payment_intent.succeeded", copy(intent), idempotencyKey);
        if (card.outcome == Cards.Outcome.DISPUTED) {
            Map<String, Object> dispute = newObject("dp_", "dispute");
            dispute.put("charge", charge.get("id"));
            dispute.put("payment_intent", intent.get("id"));
            dispute.put("amount", amount);
            dispute.put("currency", currency);
            dispute.put("reason", "fraudulent");
            dispute.put("status", "needs_response");
            webhooks.send("charge.dispute.created", copy(dispute), null);
        }
        return Answer.ok(copy(intent));
    }

    private Map<String, Object> refund(Forms form, String idempotencyKey) {
        String intentId = required(form, "payment_intent");
        Map<String, Object> intent = find(intentId, "payment_intent");
        if (!"succeeded".equals(intent.get("status"))) {
            throw invalid("payment_intent", "This PaymentIntent has no successful charge to refund.");
        }
        Map<String, Object> charge = find((String) intent.get("latest_charge"), "charge");
        long refundable = ((Number) charge.get("amount")).longValue() - ((Number) charge.get("amount_refunded")).longValue();
        long amount = form.one("amount") == null ? refundable : positiveAmount(form);
        if (amount > refundable) {
            throw invalid("amount", "Refund amount (" + amount + ") is greater than unrefunded amount on charge ("
                    + refundable + ").");
        }
        Map<String, Object> refund = newObject("re_", "refund");
        refund.put("amount", amount);
        refund.put("charge", charge.get("id"));
        refund.put("payment_intent", intentId);
        refund.put("currency", charge.get("currency"));
        refund.put("status", "succeeded");
        refund.put("reason", form.one("reason"));
        refund.put("metadata", form.metadata());
        charge.put("amount_refunded", ((Number) charge.get("amount_refunded")).longValue() + amount);
        charge.put("refunded", ((Number) charge.get("amount_refunded")).longValue() == ((Number) charge.get("amount")).longValue());
        webhooks.send("charge.refunded", copy(charge), idempotencyKey);
        return refund;
    }

    private Map<String, Object> event(String id) {
        Map<String, Object> event = webhooks.find(id);
        if (event == null) throw missing(id);
        return event;
    }

    private Map<String, Object> newObject(String prefix, String type) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("id", Ids.next(prefix));
        object.put("object", type);
        object.put("created", clock.instant().getEpochSecond());
        object.put("livemode", false);
        objects.put((String) object.get("id"), object);
        return object;
    }

    /** A page of one type's objects, newest first: {@code limit} (1–100, default 10) and {@code starting_after}. */
    private Map<String, Object> list(String type, String url, String query) {
        Map<String, String> params = new HashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) params.put(java.net.URLDecoder.decode(pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        int limit;
        try {
            limit = Integer.parseInt(params.getOrDefault("limit", "10"));
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > 100) throw invalid("limit", "Invalid integer: limit must be between 1 and 100.");
        List<Map<String, Object>> all = objects.values().stream().filter(o -> type.equals(o.get("object")))
                .sorted(java.util.Comparator.<Map<String, Object>>comparingLong(o -> ((Number) o.get("created")).longValue())
                        .thenComparing(o -> (String) o.get("id")).reversed())
                .toList();
        int from = 0;
        String after = params.get("starting_after");
        if (after != null) {
            find(after, type);
            for (int i = 0; i < all.size(); i++) {
                if (after.equals(all.get(i).get("id"))) from = i + 1;
            }
        }
        List<Map<String, Object>> page = all.subList(Math.min(from, all.size()), Math.min(from + limit, all.size()));
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("object", "list");
        list.put("url", url);
        list.put("has_more", from + limit < all.size());
        list.put("data", page.stream().map(StandIn::copy).toList());
        return list;
    }

    private Map<String, Object> find(String id, String type) {
        Map<String, Object> object = objects.get(id);
        if (object == null || !type.equals(object.get("object"))) throw missing(id);
        return object;
    }

    /** What leaves the stand-in: the object without its private bookkeeping. */
    private static Map<String, Object> copy(Map<String, Object> object) {
        Map<String, Object> copy = new LinkedHashMap<>(object);
        copy.remove("_card");
        return copy;
    }

    private static ProviderError missing(String id) {
        return new ProviderError(404, "invalid_request_error", "resource_missing", "No such object: '" + id + "'", "id");
    }

    private static ProviderError invalid(String param, String message) {
        return new ProviderError(400, "invalid_request_error", "parameter_invalid", message, param);
    }

    private static String required(Forms form, String param) {
        String value = form.one(param);
        if (value == null || value.isBlank()) {
            throw new ProviderError(400, "invalid_request_error", "parameter_missing", "Missing required param: "
                    + param + ".", param);
        }
        return value;
    }

    private static long positiveAmount(Forms form) {
        try {
            long amount = Long.parseLong(required(form, "amount"));
            if (amount >= 1) return amount;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid("amount", "Invalid positive integer");
    }

    private boolean authorized(String header) {
        if (header == null) return false;
        if (header.startsWith("Bearer ")) return secretKey.equals(header.substring(7).trim());
        if (header.startsWith("Basic ")) {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            return decoded.equals(secretKey + ":") || decoded.equals(secretKey);
        }
        return false;
    }

    private String error(int status, String type, String code, String message, String param) {
        return json.writeValueAsString(Map.of("error", new ProviderError(status, type, code, message, param).error));
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Stripe-Version", API_VERSION);
        exchange.getResponseHeaders().set("Request-Id", Ids.next("req_"));
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void html(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Test checkout</title>"
                + "</head><body>" + body + "</body></html>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(303, -1);
    }
}
