package com.webprometrics.command.billing;

import com.webprometrics.platform.domain.DomainException.Kind;
import com.webprometrics.platform.domain.Rejection;

/** Why a subscription command is refused (codes {@code subscription-…}). */
public enum SubscriptionRejection implements Rejection {
    NOT_FOUND(Kind.NOT_FOUND, "Not found", "The subscription was not found."),
    UNKNOWN_PLAN(Kind.INVALID, "Unknown plan", "There is no such plan; GET /api/subscriptions/plans lists them."),
    SAME_PLAN(Kind.CONFLICT, "Already on this plan", "The subscription is already on this plan."),
    PAY_FIRST(Kind.CONFLICT, "Payment outstanding",
            "The subscription has an unpaid invoice; pay it (POST /api/subscriptions/invoices/{id}/pay) first."),
    CANCELED(Kind.CONFLICT, "Subscription canceled",
            "The subscription is canceled; POST /api/subscriptions/resume starts it again."),
    NOT_CANCELABLE(Kind.CONFLICT, "Cannot be canceled now",
            "Only a trialing or active subscription can be canceled at the end of its period."),
    NOTHING_TO_RESUME(Kind.CONFLICT, "Nothing to resume",
            "The subscription is neither canceled nor about to be."),
    CANCEL_SCHEDULED(Kind.CONFLICT, "Cancellation scheduled",
            "The subscription ends at the end of its period; resume it (POST /api/subscriptions/resume) to change plan."),
    NO_CARD(Kind.CONFLICT, "No card saved",
            "Save a card first (POST /api/subscriptions/payment-method), then pay."),
    NOT_TRIALING(Kind.CONFLICT, "Not on a trial", "Only a trial can be ended early."),
    INVOICE_NOT_FOUND(Kind.NOT_FOUND, "Not found", "The invoice was not found."),
    INVOICE_PAID(Kind.CONFLICT, "Already paid", "The invoice is already paid.");

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
