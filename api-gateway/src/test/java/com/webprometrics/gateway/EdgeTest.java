package com.webprometrics.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Body limit, CORS, security headers, /health and the SPA. */
class EdgeTest extends StandardGatewayTest {

    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @Test
    void declaredOversizedBodyIs413() {
        byte[] body = new byte[1024 * 1024 + 1];
        HttpResponse<String> response = send(req("/api/clients").header("Authorization", bearer(TOKENS.token("OWNER")))
                .header("Content-Type", "application/json").POST(BodyPublishers.ofByteArray(body)));
        assertPayloadTooLarge(response);
    }

    @Test
    void streamedOversizedBodyIs413() {
        byte[] body = new byte[3 * 1024 * 1024];
        HttpResponse<String> response = send(req("/api/clients").header("Authorization", bearer(TOKENS.token("OWNER")))
                .header("Content-Type", "application/octet-stream")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
        assertPayloadTooLarge(response);
    }

    @Test
    void streamedOversizedLoginIs413() {
        byte[] body = ("{\"email\":\"x@example.com\",\"pad\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes();
        HttpResponse<String> response = send(req("/api/auth/login").header("Content-Type", "application/json")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
        assertPayloadTooLarge(response);
    }

    @Test
    void bodyAtTheLimitPasses() {
        byte[] body = new byte[1024 * 1024];
        HttpResponse<String> response = send(req("/api/clients").header("Authorization", bearer(TOKENS.token("OWNER")))
                .header("Content-Type", "application/octet-stream")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("bodyLength").asInt()).isEqualTo(1024 * 1024);
    }

    @Test
    void fileUploadsGetTheLargerUploadLimit() {
        byte[] twoMegabytes = new byte[2 * 1024 * 1024];
        HttpResponse<String> upload = send(req("/api/integrations/" + java.util.UUID.randomUUID() + "/import")
                .header("Authorization", bearer(TOKENS.token("OWNER")))
                .header("Content-Type", "application/octet-stream")
                .POST(BodyPublishers.ofByteArray(twoMegabytes)));
        assertThat(upload.statusCode()).isEqualTo(200);
        assertThat(json(upload).path("bodyLength").asInt()).isEqualTo(2 * 1024 * 1024);

        byte[] sevenMegabytes = new byte[7 * 1024 * 1024];
        assertPayloadTooLarge(send(req("/api/integrations/" + java.util.UUID.randomUUID() + "/import")
                .header("Authorization", bearer(TOKENS.token("OWNER")))
                .header("Content-Type", "application/octet-stream")
                .POST(BodyPublishers.ofByteArray(sevenMegabytes))));
    }

    private static void assertPayloadTooLarge(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).path("type").asString())
                .isEqualTo("https://webprometrics.dev/problems/payload-too-large");
        assertThat(response.headers().firstValue("X-Correlation-Id")).isPresent();
    }

    @Test
    void corsPreflightFromAllowedOrigin() {
        HttpResponse<String> response = send(req("/api/clients").method("OPTIONS", BodyPublishers.noBody())
                .header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:5173");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("POST");
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().toLowerCase())
                .contains("authorization");
    }

    @Test
    void corsPreflightFromOtherOriginIsRefused() {
        HttpResponse<String> response = send(req("/api/clients").method("OPTIONS", BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(json(response).path("type").asString()).isEqualTo("https://webprometrics.dev/problems/forbidden");
    }

    @Test
    void corsActualRequestExposesHeaders() {
        HttpResponse<String> response = send(req("/api/clients").header("Origin", "http://localhost:5173")
                .header("Authorization", bearer(TOKENS.token("VIEWER"))));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:5173");
        assertThat(response.headers().firstValue("Access-Control-Expose-Headers").orElseThrow())
                .contains("X-Correlation-Id").contains("X-RateLimit-Remaining");
    }

    @Test
    void securityHeadersOnProxiedOwnAndSpaResponses() {
        for (HttpResponse<String> response : new HttpResponse[] {
                send(req("/api/clients").header("Authorization", bearer(TOKENS.token("VIEWER")))),
                send(req("/api/clients")),
                send(req("/")),
                send(req("/health")) }) {
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
            assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue(CSP);
            assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
        }
    }

    @Test
    void hstsWhenTheTrustedProxySaysHttps() {
        HttpResponse<String> response = send(req("/").header("X-Forwarded-Proto", "https"));
        assertThat(response.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                v -> assertThat(v).startsWith("max-age="));
    }

    @Test
    void healthUpWhenEverythingIsUp() {
        HttpResponse<String> response = send(req("/health"));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("status").asString()).isEqualTo("UP");
        assertThat(body.path("components").path("gateway").asString()).isEqualTo("UP");
        assertThat(body.path("components").path("database").asString()).isEqualTo("UP");
        assertThat(body.path("components").path("command-side").asString()).isEqualTo("UP");
        assertThat(body.path("components").path("query-side").asString()).isEqualTo("UP");
    }

    @Test
    void health503WhenABackendIsDown() {
        QUERY.healthy.set(false);
        try {
            HttpResponse<String> response = send(req("/health"));
            assertThat(response.statusCode()).isEqualTo(503);
            JsonNode body = json(response);
            assertThat(body.path("status").asString()).isEqualTo("DOWN");
            assertThat(body.path("components").path("query-side").asString()).isEqualTo("DOWN");
            assertThat(body.path("components").path("command-side").asString()).isEqualTo("UP");
            assertThat(body.path("components").path("database").asString()).isEqualTo("UP");
        } finally {
            QUERY.healthy.set(true);
        }
    }

    @Test
    void metricsAnswerAScraperOnThisMachineAndNoOneElse() {
        assertThat(send(req("/actuator/health")).statusCode()).isEqualTo(200);
        HttpResponse<String> local = send(rawReq("/actuator/prometheus"));
        assertThat(local.statusCode()).isEqualTo(200);
        assertThat(local.body()).contains("jvm_");
        HttpResponse<String> forwarded = send(req("/actuator/prometheus"));
        assertThat(forwarded.statusCode()).as("a client forwarded by a proxy").isIn(401, 403);
        assertThat(forwarded.body()).doesNotContain("jvm_");
    }

    @Test
    void proxiedRequestsAreTimedByBackendAndStatus() {
        String token = TOKENS.token("VIEWER");
        String before = send(rawReq("/actuator/prometheus")).body();
        send(req("/api/clients/" + java.util.UUID.randomUUID()).header("Authorization", bearer(token)));
        String after = send(rawReq("/actuator/prometheus")).body();
        String series = "wpm_gateway_proxied_seconds_count{backend=\"query-side\",status=\"2xx\"}";
        assertThat(count(after, series)).isEqualTo(count(before, series) + 1);
        assertThat(after).doesNotContain("uri=\"/api/");
        assertThat(after).as("the gateway's own endpoints are still observed").contains("uri=\"/actuator/prometheus\"");
    }

    private static double count(String metrics, String series) {
        return metrics.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1))).orElse(0.0);
    }

    @Test
    void spaServesFilesWithCachingAndFallsBackToIndex() {
        HttpResponse<String> index = send(req("/"));
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("<div id=root>");
        assertThat(index.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(index.headers().firstValue("Cache-Control").orElseThrow()).contains("no-cache");

        HttpResponse<String> asset = send(req("/assets/index-abc123.js"));
        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.body()).isEqualTo("console.log('spa')");
        assertThat(asset.headers().firstValue("Content-Type").orElseThrow()).contains("javascript");
        assertThat(asset.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=31536000")
                .contains("immutable");

        HttpResponse<String> deepLink = send(req("/clients/42/dashboard?from=2024-01-01"));
        assertThat(deepLink.statusCode()).isEqualTo(200);
        assertThat(deepLink.body()).contains("<div id=root>");
        assertThat(deepLink.headers().firstValue("Cache-Control").orElseThrow()).contains("no-cache");

        assertThat(send(req("/favicon.svg")).body()).contains("<svg");
        // traversal never leaves the SPA folder
        HttpResponse<String> traversal = send(req("/assets/%2e%2e/%2e%2e/etc/passwd"));
        assertThat(traversal.body()).doesNotContain("root:");
    }
}
