package com.webprometrics.platform.domain;

/**
 * A rule of the domain said no. Carries no HTTP types so aggregates stay framework-free; the web layer
 * maps {@link Kind} to a status and problem type.
 */
public class DomainException extends RuntimeException {

    public enum Kind {
        INVALID(400, "validation", "Invalid request"),
        UNAUTHORIZED(401, "unauthorized", "Unauthorized"),
        PLAN_LIMIT(402, "plan-limit", "Plan limit reached"),
        FORBIDDEN(403, "forbidden", "Forbidden"),
        NOT_FOUND(404, "not-found", "Not found"),
        CONFLICT(409, "conflict", "Conflict");

        public final int status;
        public final String slug;
        public final String defaultTitle;

        Kind(int status, String slug, String defaultTitle) {
            this.status = status;
            this.slug = slug;
            this.defaultTitle = defaultTitle;
        }
    }

    private final Kind kind;
    private final String title;

    public DomainException(Kind kind, String title, String detail) {
        super(detail);
        this.kind = kind;
        this.title = title;
    }

    public DomainException(Kind kind, String detail) {
        this(kind, kind.defaultTitle, detail);
    }

    public Kind kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public static DomainException notFound(String what) {
        return new DomainException(Kind.NOT_FOUND, what + " was not found.");
    }
}
