package com.webprometrics.command.auth;

import com.webprometrics.platform.domain.DomainException.Kind;
import com.webprometrics.platform.domain.Rejection;

/** Why signing up, in or on is refused (codes {@code auth-…}); one answer for every bad credential. */
public enum AuthRejection implements Rejection {
    INVALID_CREDENTIALS(Kind.UNAUTHORIZED, "Invalid credentials", "The e-mail or password is wrong, or the account is deactivated."),
    INVALID_REFRESH_TOKEN(Kind.UNAUTHORIZED, "Invalid refresh token", "The refresh token is invalid, expired or was already used. Sign in again."),
    EMAIL_TAKEN(Kind.CONFLICT, "E-mail already registered", "An account with this e-mail already exists."),
    INVITATION_NOT_FOUND(Kind.NOT_FOUND, "Invitation not found", "The invitation link is invalid."),
    WRONG_CURRENT_PASSWORD(Kind.INVALID, "Wrong current password", "The current password is not right; nothing was changed."),
    INVALID_RESET_TOKEN(Kind.INVALID, "Invalid reset link", "The password-reset link is invalid, expired or was already used. Ask for a new one.");

    private final Kind kind;
    private final String title;
    private final String detail;

    AuthRejection(Kind kind, String title, String detail) {
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
        return Rejection.code("auth", this);
    }
}
