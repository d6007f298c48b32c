package com.webprometrics.gateway.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.webprometrics.gateway.config.GatewayProperties;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Public {@code GET /health}: the gateway's database plus both backends' {@code /actuator/health},
 * checked in parallel with short timeouts. 200 when all are UP, else 503 with the same shape.
 */
@RestController
public class HealthController implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(HealthController.class);

    private final DataSource dataSource;
    private final URI commandHealth;
    private final URI queryHealth;
    private final Duration timeout;
    private final ExecutorService executor = Executors.newFixedThreadPool(3, r -> {
        Thread t = new Thread(r, "health-check");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient client;
    private final ObjectMapper json = JsonMapper.builder().build();

    public HealthController(DataSource dataSource, GatewayProperties properties) {
        this.dataSource = dataSource;
        this.commandHealth = properties.commandUrl().resolve("/actuator/health");
        this.queryHealth = properties.queryUrl().resolve("/actuator/health");
        this.timeout = properties.health().timeout();
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.health().connectTimeout())
                .executor(executor)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @GetMapping(path = "/health", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> health() {
        CompletableFuture<Boolean> database = CompletableFuture.supplyAsync(this::databaseUp, executor);
        CompletableFuture<Boolean> command = backendUp(commandHealth);
        CompletableFuture<Boolean> query = backendUp(queryHealth);
        Map<String, String> components = new LinkedHashMap<>();
        components.put("gateway", "UP");
        components.put("database", status(database));
        components.put("command-side", status(command));
        components.put("query-side", status(query));
        boolean up = components.values().stream().allMatch("UP"::equals);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("components", components);
        return ResponseEntity.status(up ? 200 : 503).cacheControl(CacheControl.noStore()).body(body);
    }

    private String status(CompletableFuture<Boolean> check) {
        try {
            return Boolean.TRUE.equals(check.get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS)) ? "UP" : "DOWN";
        } catch (Exception e) {
            check.cancel(true);
            return "DOWN";
        }
    }

    private boolean databaseUp() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid((int) Math.max(1, timeout.toSeconds()));
        } catch (Exception e) {
            log.debug("health: database down: {}", e.toString());
            return false;
        }
    }

    private CompletableFuture<Boolean> backendUp(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("Accept", "application/json").build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> {
                    if (response.statusCode() != 200) return false;
                    JsonNode node = json.readTree(response.body());
                    return node != null && "UP".equals(node.path("status").asString(""));
                })
                .exceptionally(e -> {
                    log.debug("health: {} down: {}", uri, e.toString());
                    return false;
                });
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
