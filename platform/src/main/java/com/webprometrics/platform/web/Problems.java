package com.webprometrics.platform.web;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** The one way to build an RFC 9457 problem in this system. */
public final class Problems {
    public static final String TYPE_BASE = "https://webprometrics.dev/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + slug));
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail withFieldErrors(ProblemDetail problem, List<Map<String, String>> errors) {
        problem.setProperty("errors", errors);
        return problem;
    }

    public static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    /** A minimal problem+json body for places that answer before Spring MVC (security filters). */
    public static String json(int status, String slug, String title, String detail, String correlationId) {
        return "{\"type\":\"" + TYPE_BASE + slug + "\",\"title\":\"" + escape(title) + "\",\"status\":" + status
                + ",\"detail\":\"" + escape(detail) + "\""
                + (correlationId == null ? "" : ",\"correlationId\":\"" + escape(correlationId) + "\"") + "}";
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
