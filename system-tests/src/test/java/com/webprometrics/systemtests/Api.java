package com.webprometrics.systemtests;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HTTP against the gateway, as a client would (java.net.http, HTTP/1.1, redirects not followed).
 * Immutable: {@link #forwardedFor(String)} and {@link #withHeader(String, String)} return a new helper that adds the
 * header to every request. Bodies are a JSON string, or any object (serialized with Jackson), or null.
 * {@code headers} varargs are name/value pairs: {@code get("/api/clients", token, "X-Min-Position", "42")}.
 */
public final class Api {

    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final URI base;
    private final Map<String, String> defaultHeaders;

    public Api(URI base) {
        this(base, Map.of());
    }

    private Api(URI base, Map<String, String> defaultHeaders) {
        this.base = base;
        this.defaultHeaders = Map.copyOf(defaultHeaders);
    }

    public URI base() {
        return base;
    }

    /**
     * Requests appear to come from {@code ip} (sets X-Forwarded-For; the gateway trusts it from 127.0.0.1).
     * Use documentation addresses: 198.51.100.x, 203.0.113.x, 192.0.2.x.
     */
    public Api forwardedFor(String ip) {
        return withHeader("X-Forwarded-For", ip);
    }

    public Api withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(defaultHeaders);
        h.put(name, value);
        return new Api(base, h);
    }

    public ApiResponse get(String path, String token, String... headers) {
        return send("GET", path, null, token, headers);
    }

    public ApiResponse post(String path, Object body, String token, String... headers) {
        return send("POST", path, body, token, headers);
    }

    public ApiResponse put(String path, Object body, String token, String... headers) {
        return send("PUT", path, body, token, headers);
    }

    public ApiResponse patch(String path, Object body, String token, String... headers) {
        return send("PATCH", path, body, token, headers);
    }

    public ApiResponse delete(String path, String token, String... headers) {
        return send("DELETE", path, null, token, headers);
    }

    /** Any method; a non-null body is sent as application/json unless a Content-Type header is given. */
    public ApiResponse send(String method, String path, Object body, String token, String... headers) {
        String text = body == null ? null : body instanceof String s ? s : toJson(body);
        HttpRequest.Builder rb = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        rb.method(method, text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
        return send(rb, text != null, token, headers);
    }

    /** Raw bytes with an explicit content type (uploads, malformed input). */
    public ApiResponse sendBytes(String method, String path, byte[] body, String contentType, String token, String... headers) {
        HttpRequest.Builder rb = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", contentType);
        return send(rb, false, token, headers);
    }

    private ApiResponse send(HttpRequest.Builder rb, boolean json, String token, String... headers) {
        if (headers.length % 2 != 0) throw new IllegalArgumentException("headers must be name/value pairs");
        boolean contentTypeGiven = false;
        defaultHeaders.forEach(rb::header);
        for (int i = 0; i < headers.length; i += 2) {
            rb.header(headers[i], headers[i + 1]);
            contentTypeGiven |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (json && !contentTypeGiven) rb.header("Content-Type", "application/json");
        if (token != null) rb.header("Authorization", "Bearer " + token);
        HttpRequest request = rb.build();
        try {
            HttpResponse<byte[]> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new ApiResponse(request.method(), request.uri(), r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
