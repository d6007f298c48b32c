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
import java.util.concurrent.atomic.AtomicInteger;

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

    /** Addresses handed out by {@link #fromNewAddress()}; the SPA's browser suite uses 2001:db8:2::/48. */
    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);

    private final URI base;
    private final Map<String, String> defaultHeaders;
    private final Duration timeout;

    public Api(URI base) {
        this(base, Map.of(), Duration.ofSeconds(30));
    }

    private Api(URI base, Map<String, String> defaultHeaders, Duration timeout) {
        this.base = base;
        this.defaultHeaders = Map.copyOf(defaultHeaders);
        this.timeout = timeout;
    }

    /** Requests that fail (an exception, not a response) when not answered within {@code timeout}. */
    public Api answeringWithin(Duration timeout) {
        return new Api(base, defaultHeaders, timeout);
    }

    public URI base() {
        return base;
    }

    /**
     * Requests appear to come from an address no other request of this test run came from, so per-address budgets
     * (five sign-ups or log-ins per quarter hour) never spill from one test into another. IPv6 documentation
     * addresses (2001:db8:1::/48), one per call.
     */
    public Api fromNewAddress() {
        return forwardedFor("2001:db8:1::" + Integer.toHexString(NEXT_ADDRESS.getAndIncrement()));
    }

    /**
     * Requests appear to come from {@code ip} (sets X-Forwarded-For; the gateway trusts it from 127.0.0.1).
     * Prefer {@link #fromNewAddress()}; a fixed address must be a documentation address outside 2001:db8::/32.
     */
    public Api forwardedFor(String ip) {
        return withHeader("X-Forwarded-For", ip);
    }

    public Api withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(defaultHeaders);
        h.put(name, value);
        return new Api(base, h, timeout);
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
        HttpRequest.Builder rb = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout);
        rb.method(method, text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
        return send(rb, text != null, token, headers);
    }

    /** Raw bytes with an explicit content type (uploads, malformed input). */
    /** POSTs one file as {@code multipart/form-data} in the part {@code file}, as a browser's upload form does. */
    public ApiResponse uploadFile(String path, String filename, String contentType, String content, String token) {
        String boundary = "wpm-" + java.util.UUID.randomUUID();
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: " + contentType + "\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        return sendBytes("POST", path, body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "multipart/form-data; boundary=" + boundary, token);
    }

    public ApiResponse sendBytes(String method, String path, byte[] body, String contentType, String token, String... headers) {
        HttpRequest.Builder rb = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
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
