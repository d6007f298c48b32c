-- Saved reports and their deliveries (processing group "reports"). Disposable like every read model.
-- `position` is the global event position a row reflects; older (redelivered or replayed) events are ignored.

CREATE TABLE query.reports_view (
    report_id           UUID PRIMARY KEY,
    agency_id           UUID        NOT NULL,
    client_id           UUID        NOT NULL,
    title               TEXT        NOT NULL,
    metrics             TEXT[]      NOT NULL,
    from_date           DATE,
    to_date             DATE,
    range_key           TEXT,
    time_zone           TEXT        NOT NULL,
    schedule_frequency  TEXT,
    schedule_format     TEXT,
    schedule_recipients TEXT[],
    created_at          TIMESTAMPTZ NOT NULL,
    created_by          UUID,
    updated_at          TIMESTAMPTZ NOT NULL,
    last_delivered_at   TIMESTAMPTZ,
    deleted_at          TIMESTAMPTZ,
    position            BIGINT      NOT NULL
);
CREATE INDEX reports_view_agency ON query.reports_view (agency_id, client_id, lower(title));

-- One row per requested delivery: requested → retrying → delivered | failed, or cancelled when the report is
-- deleted first. Rows stay when their report is deleted: they are the record of what was sent.
CREATE TABLE query.report_deliveries_view (
    delivery_id     UUID PRIMARY KEY,
    report_id       UUID        NOT NULL,
    agency_id       UUID        NOT NULL,
    client_id       UUID        NOT NULL,
    trigger         TEXT        NOT NULL,
    format          TEXT        NOT NULL,
    recipients      TEXT[]      NOT NULL,
    as_of           DATE        NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('requested', 'retrying', 'delivered', 'failed', 'cancelled')),
    attempts        INTEGER     NOT NULL DEFAULT 0,
    requested_at    TIMESTAMPTZ NOT NULL,
    requested_by    UUID,
    delivered_at    TIMESTAMPTZ,
    range_from      DATE,
    range_to        DATE,
    file_name       TEXT,
    sha256          TEXT,
    size_bytes      BIGINT,
    data_position   BIGINT,
    last_reason     TEXT,
    last_error      TEXT,
    next_attempt_at TIMESTAMPTZ,
    position        BIGINT      NOT NULL
);
CREATE INDEX report_deliveries_view_report ON query.report_deliveries_view (agency_id, report_id, requested_at DESC);
CREATE INDEX report_deliveries_view_client ON query.report_deliveries_view (agency_id, client_id, requested_at DESC);
