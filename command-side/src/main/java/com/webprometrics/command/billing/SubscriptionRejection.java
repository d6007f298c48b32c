package com.webprometrics.command.billing;

import com.webprometrics.platform.domain.DomainException.Kind;
import com.webprometrics.platform.domain.Rejection;

/** Why a subscription command is refused (codes {@code subscription-…}). */
public enum SubscriptionRejection implements Rejection {
    NOT_FOUND(Kind.NOT_FOUND, "Not found", "The subscription was not found."),
    UNKNOWN_PLAN(Kind.INVALID, "Unknown plan", "There is no such plan; GET /api/subscriptions/plans lists them."),
    SAME_PLAN(Kind.CONFLICT, "Already on this plan", "The subscription is already on this plan.");

    private final Kind kind;
    private final String title;
    private final String detail;

    SubscriptionRejection(Kind kind, String title, String detail) {
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
        return Rejection.code("subscription", this);
    }
}
