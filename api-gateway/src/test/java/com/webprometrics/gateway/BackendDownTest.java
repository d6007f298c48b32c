package com.webprometrics.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.webprometrics.gateway.support.StandInBackend;
import com.webprometrics.gateway.support.Tokens;

/**
 * A second gateway whose query-side is not running and whose command-side JWKS is not yet available
 * when the gateway starts (both start in parallel in real life).
 */
class BackendDownTest extends GatewayTestBase {

    static final Tokens LATE_TOKENS = new Tokens();
    static final StandInBackend LATE_COMMAND = new StandInBackend("command").serveJwks(LATE_TOKENS.jwkSetJson());
    static final int DEAD_PORT = freePort();

    static {
        LATE_COMMAND.jwksAvailable.set(false);
    }

    @DynamicPropertySource
    static void overrides(DynamicPropertyRegistry registry) {
        common(registry);
        registry.add("wpm.gateway.command-url", LATE_COMMAND::url);
        registry.add("wpm.gateway.query-url", () -> "http://127.0.0.1:" + DEAD_PORT);
        registry.add("wpm.jwt.jwks-url", () -> LATE_COMMAND.url() + "/api/auth/jwks");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void unreachableBackendIs503ProblemAndHealthSaysWhich() {
        HttpResponse<String> response = send(req("/api/integrations/oauth/callback?code=1").header("X-Test", "1"));
        assertThat(response.statusCode()).isEqualTo(200); // command-side is up

        LATE_COMMAND.jwksAvailable.set(true);
        HttpResponse<String> down = send(req("/api/clients").header("Authorization", bearer(LATE_TOKENS.token("VIEWER"))));
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json(down).path("status").asInt()).isEqualTo(503);
        assertThat(down.body()).doesNotContain("Exception").doesNotContain("at org.");

        HttpResponse<String> health = send(req("/health"));
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(json(health).path("components").path("query-side").asString()).isEqualTo("DOWN");
        assertThat(json(health).path("components").path("command-side").asString()).isEqualTo("UP");
    }

    @Test
    void jwksUnavailableAtFirstThenRecovers() {
        LATE_COMMAND.jwksAvailable.set(false);
        String token = LATE_TOKENS.token("OWNER");
        HttpResponse<String> first = send(req("/api/clients/1").header("Authorization", bearer(token))
                .method("DELETE", java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(json(first).path("type").asString()).isEqualTo("https://webprometrics.dev/problems/internal");
        assertThat(first.body()).doesNotContain("Exception");

        LATE_COMMAND.jwksAvailable.set(true);
        HttpResponse<String> second = send(req("/api/clients/1").header("Authorization", bearer(token))
                .method("DELETE", java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(json(second).path("service").asString()).isEqualTo("command");
    }
}
