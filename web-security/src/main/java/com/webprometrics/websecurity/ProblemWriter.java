package com.webprometrics.websecurity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The one RFC 9457 problem+json every hop writes where Spring MVC does not answer (security filters, the
 * gateway's own filters and routes): {@code type} = {@value #TYPE_BASE}{@code <slug>}, title, status, detail, the
 * request's path as {@code instance} and its correlation id. Spring MVC handlers build the same shape as a
 * {@code ProblemDetail} (platform's {@code Problems}).
 */
public final class ProblemWriter {
    public static final String TYPE_BASE = "https://webprometrics.dev/problems/";
    public static final String MEDIA_TYPE = "application/problem+json";

    private ProblemWriter() {
    }

    /** Writes a problem unless the response is already committed (then there is nothing left to do). */
    public static void write(HttpServletRequest request, HttpServletResponse response, int status, String slug,
                             String title, String detail) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        Object correlationId = request.getAttribute(CorrelationIdFilter.ATTRIBUTE);
        byte[] body = json(status, slug, title, detail, instance(request),
                correlationId == null ? null : correlationId.toString()).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    public static String json(int status, String slug, String title, String detail, String instance,
                              String correlationId) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("{\"type\":");
        quote(sb, TYPE_BASE + slug);
        sb.append(",\"title\":");
        quote(sb, title);
        sb.append(",\"status\":").append(status);
        sb.append(",\"detail\":");
        quote(sb, detail);
        if (instance != null) {
            sb.append(",\"instance\":");
            quote(sb, instance);
        }
        if (correlationId != null) {
            sb.append(",\"correlationId\":");
            quote(sb, correlationId);
        }
        return sb.append('}').toString();
    }

    /** The path the client asked for, also when answering from an error dispatch. */
    static String instance(HttpServletRequest request) {
        Object original = request.getAttribute("jakarta.servlet.error.request_uri");
        return original instanceof String s ? s : request.getRequestURI();
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
