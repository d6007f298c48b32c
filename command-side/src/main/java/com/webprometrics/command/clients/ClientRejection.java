package com.webprometrics.command.clients;

import com.webprometrics.platform.domain.DomainException.Kind;
import com.webprometrics.platform.domain.Rejection;

/** Why a client command is refused (codes {@code client-…}). */
public enum ClientRejection implements Rejection {
    NOT_FOUND(Kind.NOT_FOUND, "Not found", "The client was not found."),
    ARCHIVED(Kind.CONFLICT, "Client archived", "An archived client cannot be changed; restore it first."),
    ALREADY_ARCHIVED(Kind.CONFLICT, "Already archived", "The client is already archived."),
    NOT_ARCHIVED(Kind.CONFLICT, "Not archived", "The client is not archived."),
    NAME_REQUIRED(Kind.INVALID, "Invalid request", "A client needs a name."),
    LIMIT_REACHED(Kind.PLAN_LIMIT, "Client limit reached",
            "Your plan's client limit is reached. Archive a client or upgrade the plan."),
    TOO_MANY_FOR_PLAN(Kind.CONFLICT, "Too many clients for this plan",
            "The agency has more active clients than this plan allows; archive some first.");

    private final Kind kind;
    private final String title;
    private final String detail;

    ClientRejection(Kind kind, String title, String detail) {
        this.kind = kind;
        this.title = title;
        this.detail = detail;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public String detail() {
        return detail;
    }

    @Override
    public String code() {
        return Rejection.code("client", this);
    }
}
