package com.webprometrics.gateway.routing;

import com.webprometrics.gateway.client.ClientAddressFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Set;

/**
 * Passes an exchange to a backend and its answer back, in one pass over the headers each way, on Apache httpclient5
 * directly. Spring Cloud Gateway's own exchange copied the headers once per header filter (seven of them) and again
 * into a {@code RestClient} request, which made it the largest part of the gateway's CPU per request
 * (docs/benchmarks.md).
 * <ul>
 * <li>path and query go exactly as received (still encoded);</li>
 * <li>hop-by-hop headers, {@code Host}, {@code Content-Length} and any incoming {@code Forwarded}/{@code X-Forwarded-*}
 * stay behind; {@code X-Forwarded-For} = the incoming list plus the direct peer, {@code -Proto} and {@code -Host} = a
 * trusted proxy's values or what this gateway saw;</li>
 * <li>the body streams through, with its length when known (the body limit filter reads it first);</li>
 * <li>the backend's answer streams back without the headers the gateway sets itself on every response (correlation
 * id, security headers), so clients see each once. Failures reach {@code GatewayErrorFilter} as the I/O exceptions
 * they are.</li>
 * </ul>
 */
public final class BackendProxy {
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");
    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "forwarded", "x-forwarded-for",
            "x-forwarded-proto", "x-forwarded-host", "x-forwarded-port", "x-forwarded-prefix");
    static final Set<String> SET_BY_GATEWAY = Set.of("x-correlation-id", "x-content-type-options", "x-frame-options",
            "referrer-policy", "content-security-policy", "strict-transport-security", "x-xss-protection");

    private final CloseableHttpClient client;

    public BackendProxy(CloseableHttpClient client) {
        this.client = client;
    }

    public void forward(HttpServletRequest incoming, HttpServletResponse response, HttpHost backend)
            throws IOException {
        String query = incoming.getQueryString();
        String path = query == null ? incoming.getRequestURI() : incoming.getRequestURI() + "?" + query;
        BasicClassicHttpRequest outgoing = new BasicClassicHttpRequest(incoming.getMethod(), backend, path);
        copyRequestHeaders(incoming, outgoing);
        HttpEntity body = body(incoming);
        if (body != null) {
            outgoing.setEntity(body);
        }
        try (ClassicHttpResponse answer = client.executeOpen(backend, outgoing, null)) {
            response.setStatus(answer.getCode());
            for (Header header : answer.getHeaders()) {
                String name = header.getName().toLowerCase(Locale.ROOT);
                if (!HOP_BY_HOP.contains(name) && !SET_BY_GATEWAY.contains(name) && !name.equals("content-length")) {
                    response.addHeader(header.getName(), header.getValue());
                }
            }
            relay(answer.getEntity(), response);
        }
    }

    private static void copyRequestHeaders(HttpServletRequest incoming, BasicClassicHttpRequest outgoing) {
        StringBuilder forwardedFor = new StringBuilder();
        for (Enumeration<String> names = incoming.getHeaderNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("x-forwarded-for")) {
                for (Enumeration<String> values = incoming.getHeaders(name); values.hasMoreElements(); ) {
                    String value = values.nextElement().trim();
                    if (!value.isEmpty()) {
                        forwardedFor.append(forwardedFor.isEmpty() ? "" : ", ").append(value);
                    }
                }
            } else if (!HOP_BY_HOP.contains(lower) && !NOT_FORWARDED.contains(lower)) {
                for (Enumeration<String> values = incoming.getHeaders(name); values.hasMoreElements(); ) {
                    outgoing.addHeader(name, values.nextElement());
                }
            }
        }
        String peer = incoming.getRemoteAddr();
        outgoing.addHeader("X-Forwarded-For", forwardedFor.isEmpty() ? peer : forwardedFor + ", " + peer);
        boolean trusted = ClientAddressFilter.peerTrusted(incoming);
        String proto = trusted ? ClientAddressFilter.firstValue(incoming.getHeader("X-Forwarded-Proto")) : null;
        outgoing.addHeader("X-Forwarded-Proto", proto != null && !proto.isEmpty() ? proto : incoming.getScheme());
        String host = trusted ? ClientAddressFilter.firstValue(incoming.getHeader("X-Forwarded-Host")) : null;
        if (host == null || host.isEmpty()) {
            host = incoming.getHeader("Host");
        }
        if (host != null && !host.isEmpty()) {
            outgoing.addHeader("X-Forwarded-Host", host);
        }
    }

    /** The request body to pass on, streamed; null when there is none. */
    private static HttpEntity body(HttpServletRequest incoming) throws IOException {
        long length = incoming.getContentLengthLong();
        boolean chunked = "chunked".equalsIgnoreCase(incoming.getHeader("Transfer-Encoding"));
        if (length <= 0 && !chunked) {
            return null;
        }
        String type = incoming.getContentType();
        return new InputStreamEntity(incoming.getInputStream(), chunked ? -1 : length,
                type == null ? null : ContentType.parse(type));
    }

    private static void relay(HttpEntity entity, HttpServletResponse response) throws IOException {
        if (entity == null) {
            return;
        }
        if (entity.getContentLength() >= 0) {
            response.setContentLengthLong(entity.getContentLength());
        }
        try (InputStream in = entity.getContent()) {
            OutputStream out = response.getOutputStream();
            in.transferTo(out);
            out.flush();
        }
    }
}
