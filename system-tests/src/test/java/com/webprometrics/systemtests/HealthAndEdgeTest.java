package com.webprometrics.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The public edge of the running stack: health, correlation ids, the SPA and its deep links. */
@ExtendWith(StackExtension.class)
class HealthAndEdgeTest {

    private final Api api;

    HealthAndEdgeTest(Api api) {
        this.api = api;
    }

    @Test
    void healthIsUpWithTheDatabaseAndBothServices() {
        ApiResponse health = api.get("/health", null);

        assertThat(health.status()).as(health.toString()).isEqualTo(200);
        assertThat(health.field("status")).isEqualTo("UP");
        JsonNode components = health.json().path("components");
        for (String part : List.of("gateway", "database", "command-side", "query-side")) {
            assertThat(components.path(part).asText()).as(part + " in " + health).isEqualTo("UP");
        }
    }

    /**
     * The backends listen on loopback only: from this machine's other addresses only the gateway answers, so no peer
     * can go around its budgets and token checks (issue 10: port 8081 bypassed the gateway).
     */
    @Test
    void onlyTheGatewayAnswersOnTheMachinesOtherAddresses() throws Exception {
        List<java.net.InetAddress> others = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())
                .stream().filter(nic -> {
                    try {
                        return nic.isUp() && !nic.isLoopback();
                    } catch (java.net.SocketException e) {
                        return false;
                    }
                })
                .flatMap(nic -> nic.inetAddresses()).filter(a -> a instanceof java.net.Inet4Address).toList();
        assertThat(others).as("a non-loopback IPv4 address to try from").isNotEmpty();
        Stack stack = Stack.shared();
        for (java.net.InetAddress address : others) {
            assertThat(answers(address, stack.port(Stack.GATEWAY))).as("gateway on " + address).isTrue();
            assertThat(answers(address, stack.port(Stack.COMMAND))).as("command side on " + address).isFalse();
            assertThat(answers(address, stack.port(Stack.QUERY))).as("query side on " + address).isFalse();
        }
    }

    private static boolean answers(java.net.InetAddress address, int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(address, port), 2000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    @Test
    void correlationIdIsEchoed() {
        String id = "st-" + UUID.randomUUID();
        ApiResponse r = api.get("/health", null, "X-Correlation-Id", id);
        assertThat(r.header("X-Correlation-Id")).as(r.toString()).isEqualTo(id);
    }

    @Test
    void correlationIdIsAssignedWhenMissing() {
        ApiResponse r = api.get("/health", null);
        assertThat(r.header("X-Correlation-Id")).as(r.toString()).isNotBlank();
        ApiResponse other = api.get("/health", null);
        assertThat(other.header("X-Correlation-Id")).isNotEqualTo(r.header("X-Correlation-Id"));
    }

    @Test
    void spaIndexIsServedAtTheRoot() throws IOException {
        ApiResponse r = api.get("/", null, "Accept", "text/html");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/html");
        assertThat(r.text()).contains(entryScript());
    }

    @Test
    void deepLinksFallBackToTheSpaIndex() throws IOException {
        for (String path : List.of("/clients/123", "/reports", "/settings/team")) {
            ApiResponse r = api.get(path, null, "Accept", "text/html");
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.contentType()).as(path).startsWith("text/html");
            assertThat(r.text()).as(path).contains(entryScript());
        }
    }

    @Test
    void spaAssetsAreServed() throws IOException {
        ApiResponse r = api.get(entryScript(), null);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.contentType()).containsAnyOf("javascript", "ecmascript");
    }

    @Test
    void unknownApiPathsDoNotFallBackToTheSpa() {
        ApiResponse r = api.get("/api/no-such-endpoint", null, "Accept", "text/html,application/json");
        assertThat(r.status()).as(r.toString()).isIn(401, 404);
        assertThat(r.contentType() == null ? "" : r.contentType().toLowerCase(Locale.ROOT)).doesNotStartWith("text/html");
    }

    /** The hashed entry script that the built index.html loads, e.g. /assets/index-AbC123.js. */
    private static String entryScript() throws IOException {
        String index = Files.readString(RepoLayout.spaDir().resolve("index.html"));
        Matcher m = Pattern.compile("src=\"([^\"]+\\.js)\"").matcher(index);
        assertThat(m.find()).as("frontend/dist/index.html loads a script").isTrue();
        return m.group(1);
    }
}
