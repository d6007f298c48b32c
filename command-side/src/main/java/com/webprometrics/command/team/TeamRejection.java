package com.webprometrics.command.team;

import com.webprometrics.platform.domain.DomainException.Kind;
import com.webprometrics.platform.domain.Rejection;

/** Why a team command is refused (codes {@code team-…}). */
public enum TeamRejection implements Rejection {
    USER_NOT_FOUND(Kind.NOT_FOUND, "Not found", "The user was not found."),
    INVALID_ROLE(Kind.INVALID, "Invalid role", "Choose ADMIN, ANALYST, VIEWER or AUDITOR."),
    OWNER_ROLE_FIXED(Kind.FORBIDDEN, "Forbidden", "The owner's role cannot be changed."),
    OWN_ROLE(Kind.FORBIDDEN, "Forbidden", "You cannot change your own role."),
    USER_DEACTIVATED(Kind.CONFLICT, "Conflict", "A deactivated user's role cannot be changed."),
    OWNER_NOT_DEACTIVATABLE(Kind.FORBIDDEN, "Forbidden", "The owner cannot be deactivated."),
    SELF_DEACTIVATION(Kind.FORBIDDEN, "Forbidden", "You cannot deactivate yourself."),
    EMAIL_TAKEN(Kind.CONFLICT, "E-mail already registered", "A user with this e-mail already exists."),
    INVITATION_USED(Kind.CONFLICT, "Invitation used", "This invitation was already accepted."),
    INVITATION_EXPIRED(Kind.CONFLICT, "Invitation expired", "This invitation has expired; ask for a new one."),
    SEAT_LIMIT_REACHED(Kind.PLAN_LIMIT, "Seat limit reached",
            "Your plan's seat limit is reached. Deactivate a member or upgrade the plan."),
    TOO_MANY_FOR_PLAN(Kind.CONFLICT, "Too many members for this plan",
            "The agency has more active members than this plan allows; deactivate some first.");

    private final Kind kind;
    private final String title;
    private final String detail;

    TeamRejection(Kind kind, String title, String detail) {
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
        return Rejection.code("team", this);
    }
}
