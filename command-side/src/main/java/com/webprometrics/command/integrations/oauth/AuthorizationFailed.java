package com.webprometrics.command.integrations.oauth;

/**
 * The authorization round trip ended without a usable grant. {@code reason} goes into the SPA redirect and
 * the {@code IntegrationAuthorizationFailed} event; the message is for people and carries no secret.
 */
public class AuthorizationFailed extends RuntimeException {
    private final String reason;

    public AuthorizationFailed(String reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
