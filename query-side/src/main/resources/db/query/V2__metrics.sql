-- Integrations and daily metrics. Disposable like every read model: rebuilt from the event store.

-- One row per integration, fed by processing group "integrations". `position` is the global event
-- position the row reflects; older (redelivered or replayed) events are ignored.
CREATE TABLE query.integrations_view (
    integration_id  UUID PRIMARY KEY,
    agency_id       UUID        NOT NULL,
    client_id       UUID        NOT NULL,
    provider        TEXT        NOT NULL,
    account_name    TEXT,
    status          TEXT        NOT NULL CHECK (status IN ('connected', 'syncing', 'error', 'disconnected')),
    last_sync_at    TIMESTAMPTZ,
    last_success_at TIMESTAMPTZ,
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    position        BIGINT      NOT NULL
);
CREATE INDEX integrations_view_client ON query.integrations_view (client_id);
CREATE INDEX integrations_view_agency ON query.integrations_view (agency_id);

-- One row per integration, day and metric (sums only; ratios are derived when read), fed by processing
-- group "metrics". A DailyMetricsRecorded replaces all rows of its integration and day.
CREATE TABLE query.metrics_daily (
    agency_id      UUID    NOT NULL,
    client_id      UUID    NOT NULL,
    integration_id UUID    NOT NULL,
    provider       TEXT    NOT NULL,
    date           DATE    NOT NULL,
    metric         TEXT    NOT NULL,
    value          NUMERIC NOT NULL,
    currency       TEXT,
    PRIMARY KEY (integration_id, date, metric)
);
CREATE INDEX metrics_daily_client_date ON query.metrics_daily (client_id, date);
