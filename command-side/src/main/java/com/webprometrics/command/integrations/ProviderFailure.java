package com.webprometrics.command.integrations;

import java.util.Set;

/**
 * A provider said no, and the user should see why. {@code reason} is recorded on the failed sync (see
 * {@code IntegrationSyncFailed} for their meaning). The message is shown to people: it never carries a
 * token, code or URL with credentials.
 */
public class ProviderFailure extends RuntimeException {
    public static final String AUTH = "auth";
    public static final String PERMISSION = "permission";
    public static final String QUOTA = "quota";
    public static final String PROVIDER = "provider";
    public static final String INVALID = "invalid";
    public static final Set<String> REASONS = Set.of(AUTH, PERMISSION, QUOTA, PROVIDER, INVALID);

    /** What an integration shows when its grant is gone; the SPA offers "Reconnect" next to it. */
    public static final String RECONNECT_MESSAGE = "authorization revoked or expired, reconnect";

    private final String reason;

    public ProviderFailure(String reason, String message) {
        super(message, null, false, false);
        this.reason = REASONS.contains(reason) ? reason : PROVIDER;
    }

    public static ProviderFailure authorizationLost() {
        return new ProviderFailure(AUTH, RECONNECT_MESSAGE);
    }

    public String reason() {
        return reason;
    }
}
