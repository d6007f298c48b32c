package com.webprometrics.command.integrations;

/** A provider said no; {@code reason} is auth, quota, provider or invalid, recorded on the failed sync. */
public class ProviderFailure extends RuntimeException {
    private final String reason;

    public ProviderFailure(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
