-- Reports: when scheduled reports are next due, the deliveries waiting to go out, and every delivered file.
-- Events say what happened (ReportScheduled, ReportDeliveryRequested, ReportDelivered…); these tables hold what
-- the command side needs to act on them and the bytes no event should carry.

-- One row per scheduled report, written in the same transaction as ReportScheduled / ReportScheduleCancelled /
-- ReportDeleted. Claimed with FOR UPDATE SKIP LOCKED so several instances never take the same due report.
CREATE TABLE command.report_schedule (
    report_id   UUID PRIMARY KEY,
    agency_id   UUID        NOT NULL,
    frequency   TEXT        NOT NULL CHECK (frequency IN ('weekly', 'monthly')),
    time_zone   TEXT        NOT NULL,
    next_run_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX report_schedule_due ON command.report_schedule (next_run_at);

-- One row per requested delivery, written with ReportDeliveryRequested; a worker leases due rows (attempts + 1,
-- next_attempt_at pushed past the lease) and settles them with ReportDelivered or ReportDeliveryFailed.
CREATE TABLE command.report_delivery_queue (
    delivery_id     UUID PRIMARY KEY,
    report_id       UUID        NOT NULL,
    agency_id       UUID        NOT NULL,
    title           TEXT        NOT NULL,
    format          TEXT        NOT NULL CHECK (format IN ('pdf', 'csv')),
    recipients      TEXT[]      NOT NULL,
    as_of           DATE        NOT NULL,
    status          TEXT        NOT NULL DEFAULT 'pending'
                                CHECK (status IN ('pending', 'delivered', 'failed', 'cancelled')),
    attempts        INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX report_delivery_queue_due ON command.report_delivery_queue (next_attempt_at) WHERE status = 'pending';
CREATE INDEX report_delivery_queue_report ON command.report_delivery_queue (report_id);

-- Exactly what each recipient received, written in the same transaction as ReportDelivered. Kept when the report
-- is deleted: it is the record of what was sent.
CREATE TABLE command.report_files (
    delivery_id   UUID PRIMARY KEY,
    report_id     UUID        NOT NULL,
    agency_id     UUID        NOT NULL,
    file_name     TEXT        NOT NULL,
    content_type  TEXT        NOT NULL,
    content       BYTEA       NOT NULL,
    sha256        TEXT        NOT NULL,
    size_bytes    BIGINT      NOT NULL,
    data_position BIGINT      NOT NULL,
    range_from    DATE,
    range_to      DATE,
    delivered_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX report_files_agency ON command.report_files (agency_id, report_id, delivered_at);
