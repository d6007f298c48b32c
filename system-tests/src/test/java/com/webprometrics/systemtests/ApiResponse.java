package com.webprometrics.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One answer: status, headers, body as bytes/text, and the body parsed as JSON (MissingNode if it is not JSON). */
public final class ApiResponse {

    private final String method;
    private final URI uri;
    private final int status;
    private final HttpHeaders headers;
    private final byte[] body;
    private JsonNode json;

    ApiResponse(String method, URI uri, int status, HttpHeaders headers, byte[] body) {
        this.method = method;
        this.uri = uri;
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public HttpHeaders headers() {
        return headers;
    }

    /** First value of a header, or null. */
    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public List<String> headerValues(String name) {
        return headers.allValues(name);
    }

    public String contentType() {
        return header("Content-Type");
    }

    public byte[] bytes() {
        return body;
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body as JSON; {@link MissingNode} when empty or not JSON, so {@code json().path("x")} never throws. */
    public JsonNode json() {
        if (json == null) {
            try {
                json = body.length == 0 ? MissingNode.getInstance() : Api.JSON.readTree(body);
                if (json == null) json = MissingNode.getInstance();
            } catch (IOException e) {
                json = MissingNode.getInstance();
            }
        }
        return json;
    }

    /** Shortcut for {@code json().path(field).asText()} ("" when absent). */
    public String field(String field) {
        return json().path(field).asText();
    }

    /** True for an RFC 9457 problem+json answer. */
    public boolean isProblem() {
        String ct = contentType();
        return ct != null && ct.startsWith("application/problem+json");
    }

    /** The problem slug: the part after {@code /problems/} in {@code type}, or "". */
    public String problemSlug() {
        String type = json().path("type").asText();
        int i = type.lastIndexOf("/problems/");
        return i < 0 ? "" : type.substring(i + "/problems/".length());
    }

    /** For assertion messages: method, URI, status and the start of the body. */
    @Override
    public String toString() {
        String t = text();
        return method + " " + uri + " → " + status + " " + (t.length() > 800 ? t.substring(0, 800) + "…" : t);
    }
}
