package com.webprometrics.platform.web;

import com.webprometrics.websecurity.ProblemWriter;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * RFC 9457 problems as Spring MVC answers them ({@code ProblemDetail}); where MVC does not answer (filters), the same
 * shape comes from web-security's {@link ProblemWriter}.
 */
public final class Problems {
    public static final String TYPE_BASE = ProblemWriter.TYPE_BASE;

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
}
