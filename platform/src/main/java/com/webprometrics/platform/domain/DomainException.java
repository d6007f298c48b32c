package com.webprometrics.platform.domain;

/**
 * A rule of the domain said no. Carries no HTTP types so aggregates stay framework-free; the web layer maps
 * {@link Kind} to a status and problem type and answers {@link #code()}. Refusals of commands name their reason
 * ({@link Rejection}); the plain constructors are for failures without a name of their own (their code is the kind's).
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
    private final String code;

    public DomainException(Rejection rejection, String detail) {
        super(detail);
        this.kind = rejection.kind();
        this.title = rejection.title();
        this.code = rejection.code();
    }

    public DomainException(Kind kind, String title, String detail) {
        super(detail);
        this.kind = kind;
        this.title = title;
        this.code = kind.slug;
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

    /** The rejection's stable name ({@link Rejection#code()}), or the kind's slug for unnamed ones. */
    public String code() {
        return code;
    }

    public static DomainException notFound(String what) {
        return new DomainException(Kind.NOT_FOUND, what + " was not found.");
    }
}
