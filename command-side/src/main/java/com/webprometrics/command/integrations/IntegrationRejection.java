package com.webprometrics.command.integrations;

import com.webprometrics.platform.domain.DomainException.Kind;
import com.webprometrics.platform.domain.Rejection;

/** Why an integration command is refused (codes {@code integration-…}). */
public enum IntegrationRejection implements Rejection {
    NOT_FOUND(Kind.NOT_FOUND, "Not found", "The integration was not found."),
    DISCONNECTED(Kind.CONFLICT, "Integration disconnected", "The integration is disconnected."),
    NOT_OAUTH(Kind.CONFLICT, "No authorization needed",
            "This integration does not connect through an authorization at the provider."),
    NOT_UPLOAD(Kind.CONFLICT, "Not an upload integration", "Only CSV integrations accept uploads."),
    UPLOAD_ONLY(Kind.CONFLICT, "Upload integration",
            "This integration gets its data from CSV uploads; upload a file instead."),
    AUTHORIZATION_PENDING(Kind.CONFLICT, "Authorization pending",
            "This integration waits for authorization at the provider; finish connecting first."),
    RECONNECT_NEEDED(Kind.CONFLICT, "Reconnect needed",
            "The provider's authorization was revoked or has expired; reconnect the integration."),
    SYNC_RUNNING(Kind.CONFLICT, "Sync running", "A sync is already running"),
    SYNC_NOT_RUNNING(Kind.CONFLICT, "Sync not running", "This sync is not running (any more)."),
    INVALID_RANGE(Kind.INVALID, "Invalid request", "A sync needs a day range from..to with from on or before to."),
    INVALID_DAYS(Kind.INVALID, "Invalid synced data", "The synced days are invalid."),
    INVALID_CURRENCY(Kind.INVALID, "Invalid request", "The currency must be an ISO 4217 code such as USD."),
    ALREADY_CONNECTED(Kind.CONFLICT, "Already connected", "This client already has an integration for this account."),
    UNKNOWN_PROVIDER(Kind.INVALID, "Unknown provider", "There is no such provider."),
    PROVIDER_UNAVAILABLE(Kind.INVALID, "Provider not available", "This installation cannot connect the provider."),
    INVALID_CSV(Kind.INVALID, "Invalid CSV file", "The file is not a CSV file of daily metrics.");

    private final Kind kind;
    private final String title;
    private final String detail;

    IntegrationRejection(Kind kind, String title, String detail) {
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
        return Rejection.code("integration", this);
    }
}
