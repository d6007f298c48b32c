package com.webprometrics.command.auth;

import com.webprometrics.platform.domain.DomainException;

/** The auth failures a caller sees. Bad credentials of any kind look the same from outside. */
final class AuthProblems {
    private AuthProblems() {
    }

    static DomainException invalidCredentials() {
        return new DomainException(DomainException.Kind.UNAUTHORIZED, "Invalid credentials",
                "The e-mail or password is wrong, or the account is locked.");
    }

    static DomainException invalidRefreshToken() {
        return new DomainException(DomainException.Kind.UNAUTHORIZED, "Invalid refresh token",
                "The refresh token is invalid, expired or was already used. Sign in again.");
    }
}
