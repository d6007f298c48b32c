package com.webprometrics.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;

import com.webprometrics.localpg.TestDatabase;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real gateway on a random port, in front of two stand-in backends (JDK HttpServer), with a
 * fresh PostgreSQL database and a temporary SPA folder. Every request from {@link #req} carries a
 * random X-Forwarded-For address (the test client is the trusted loopback peer), so rate-limit
 * buckets of different tests never meet.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class GatewayTestBase {

    protected static final Path SPA = spa();
    protected static final ObjectMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    protected int port;

    protected final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** Database and SPA folder; each concrete context adds its backend URLs. */
    protected static void common(DynamicPropertyRegistry registry) {
        TestDatabase db = TestDatabase.shared("wpm_gateway_test");
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
        registry.add("wpm.gateway.spa-dir", SPA::toString);
    }

    private static Path spa() {
        try {
            Path dir = Files.createTempDirectory("wpm-spa");
            Files.writeString(dir.resolve("index.html"), "<!doctype html><title>WebProMetrics</title><div id=root></div>");
            Files.createDirectories(dir.resolve("assets"));
            Files.writeString(dir.resolve("assets/index-abc123.js"), "console.log('spa')");
            Files.writeString(dir.resolve("favicon.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static String randomIp() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    /** A request from a fresh client address (random X-Forwarded-For via the trusted loopback peer). */
    protected HttpRequest.Builder req(String pathAndQuery) {
        return rawReq(pathAndQuery).header("X-Forwarded-For", randomIp());
    }

    protected HttpRequest.Builder rawReq(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery));
    }

    protected HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    protected static String bearer(String token) {
        return "Bearer " + token;
    }
}
