package com.webprometrics.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays command-side or query-side: {@code /actuator/health} (UP unless told otherwise),
 * {@code /api/auth/jwks} (when given a JWK set) and an echo of everything else as JSON:
 * {service, method, path, rawQuery, headers{lower-case name: [values]}, body}.
 */
public final class StandInBackend implements AutoCloseable {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final String service;
    private final HttpServer server;
    public final AtomicBoolean healthy = new AtomicBoolean(true);
    public final AtomicBoolean jwksAvailable = new AtomicBoolean(true);
    private volatile String jwks;

    public StandInBackend(String service) {
        this.service = service;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::handle);
        server.start();
    }

    public StandInBackend serveJwks(String jwkSetJson) {
        this.jwks = jwkSetJson;
        return this;
    }

    /** A request header that makes the stand-in answer with that status. */
    public static final String STATUS_HEADER = "X-Stand-In-Status";

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] requestBody = readAll(exchange.getRequestBody());
            if (path.equals("/actuator/health")) {
                boolean up = healthy.get();
                send(exchange, up ? 200 : 503, "application/json", up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
                return;
            }
            if (path.equals("/api/auth/jwks") && jwks != null) {
                if (!jwksAvailable.get()) {
                    send(exchange, 503, "text/plain", "starting");
                    return;
                }
                send(exchange, 200, "application/json", jwks);
                return;
            }
            Map<String, Object> echo = new LinkedHashMap<>();
            echo.put("service", service);
            echo.put("method", exchange.getRequestMethod());
            echo.put("path", exchange.getRequestURI().getRawPath());
            echo.put("rawQuery", exchange.getRequestURI().getRawQuery());
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v));
            echo.put("headers", headers);
            echo.put("body", new String(requestBody, StandardCharsets.UTF_8));
            echo.put("bodyLength", requestBody.length);
            exchange.getResponseHeaders().add("X-Backend", service);
            // like the real services, which echo the correlation id and set their own security headers
            exchange.getResponseHeaders().add("X-Correlation-Id", "set-by-" + service);
            exchange.getResponseHeaders().add("X-Frame-Options", "SAMEORIGIN");
            // a test asks for the backend's answer, e.g. the 401 of a wrong password
            String status = exchange.getRequestHeaders().getFirst(STATUS_HEADER);
            send(exchange, status == null ? 200 : Integer.parseInt(status), "application/json",
                    JSON.writeValueAsString(echo));
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
