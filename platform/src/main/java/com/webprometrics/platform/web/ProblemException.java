package com.webprometrics.platform.web;

import org.springframework.http.HttpStatus;

import java.util.List;
import java.util.Map;

/**
 * A failure the caller can act on, answered as RFC 9457 problem+json with
 * {@code type = https://webprometrics.dev/problems/<slug>}. For web-layer failures (request shape, paging,
 * headers); rules of the domain throw the framework-free {@code DomainException} instead.
 */
public class ProblemException extends RuntimeException {
    private final HttpStatus status;
    private final String slug;
    private final String title;
    private final List<Map<String, String>> fieldErrors;

    public ProblemException(HttpStatus status, String slug, String title, String detail) {
        this(status, slug, title, detail, List.of());
    }

    private ProblemException(HttpStatus status, String slug, String title, String detail,
                             List<Map<String, String>> fieldErrors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    /** A 400 listing each offending field ({@code {field, message}}), like bean validation does. */
    public static ProblemException invalidFields(List<Map<String, String>> fieldErrors) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                "One or more fields are invalid.", fieldErrors);
    }

    public List<Map<String, String>> fieldErrors() {
        return fieldErrors;
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " was not found.");
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(HttpStatus.CONFLICT, "conflict", "Conflict", detail);
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail);
    }

    public static ProblemException invalid(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "validation", "Invalid request", detail);
    }
}
