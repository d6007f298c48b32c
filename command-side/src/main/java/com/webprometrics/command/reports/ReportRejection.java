package com.webprometrics.command.reports;

import com.webprometrics.platform.domain.DomainException.Kind;
import com.webprometrics.platform.domain.Rejection;

/** Why a report command is refused (codes {@code report-…}). */
public enum ReportRejection implements Rejection {
    NOT_FOUND(Kind.NOT_FOUND, "Not found", "The report was not found."),
    DELIVERY_NOT_FOUND(Kind.NOT_FOUND, "Not found", "The delivery was not found."),
    FILE_NOT_FOUND(Kind.NOT_FOUND, "Not found", "The delivered file was not found."),
    INVALID_DEFINITION(Kind.INVALID, "Invalid request", "The report definition is invalid."),
    INVALID_SCHEDULE(Kind.INVALID, "Invalid request", "The schedule is invalid."),
    INVALID_FORMAT(Kind.INVALID, "Invalid request", "format must be pdf or csv."),
    NO_RECIPIENTS(Kind.INVALID, "Invalid request", "Name the recipients: the report has no schedule to take them from."),
    INVALID_RECIPIENTS(Kind.INVALID, "Invalid request", "The recipients are invalid.");

    private final Kind kind;
    private final String title;
    private final String detail;

    ReportRejection(Kind kind, String title, String detail) {
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
        return Rejection.code("report", this);
    }
}
