package com.webprometrics.command.privacy;

import com.webprometrics.platform.domain.DomainException.Kind;
import com.webprometrics.platform.domain.Rejection;

/** Why an erasure is refused (codes {@code privacy-…}). */
public enum PrivacyRejection implements Rejection {
    MEMBER_ACTIVE(Kind.CONFLICT, "Member still active",
            "Deactivate the member before erasing their personal data."),
    ALREADY_ERASED(Kind.CONFLICT, "Already erased", "This member's personal data was already erased."),
    AGENCY_OPEN(Kind.CONFLICT, "Agency still open",
            "Only a closed agency's personal data can be erased: its subscription must be canceled."),
    NOT_FOUND(Kind.NOT_FOUND, "Not found", "The data subject was not found.");

    private final Kind kind;
    private final String title;
    private final String detail;

    PrivacyRejection(Kind kind, String title, String detail) {
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
        return Rejection.code("privacy", this);
    }
}
