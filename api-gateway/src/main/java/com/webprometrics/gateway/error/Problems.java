package com.webprometrics.gateway.error;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The one RFC 9457 error model for everything the gateway answers itself. Slugs follow
 * docs/architecture.md: unauthorized, forbidden, not-found, method-not-allowed, payload-too-large,
 * rate-limited, malformed-request, internal.
 */
public final class Problems {

    public static final String TYPE_PREFIX = "https://webprometrics.dev/problems/";
    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    /** Writes a problem unless the response is already committed (then there is nothing left to do). */
    public static void write(HttpServletRequest request, HttpServletResponse response, int status, String slug,
            String title, String detail) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        byte[] body = json(status, slug, title, detail, instance(request)).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    static String instance(HttpServletRequest request) {
        Object original = request.getAttribute("jakarta.servlet.error.request_uri");
        return original instanceof String s ? s : request.getRequestURI();
    }

    public static String json(int status, String slug, String title, String detail, String instance) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("{\"type\":");
        quote(sb, TYPE_PREFIX + slug);
        sb.append(",\"title\":");
        quote(sb, title);
        sb.append(",\"status\":").append(status);
        sb.append(",\"detail\":");
        quote(sb, detail);
        if (instance != null) {
            sb.append(",\"instance\":");
            quote(sb, instance);
        }
        return sb.append('}').toString();
    }

    private static void quote(StringBuilder sb, String value) {
        if (value == null) {
            sb.append("null");
            return;
        }
        sb.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
