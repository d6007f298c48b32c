-- The auditor's search (AuditProjection, processing group "audit"): one row per event of the store, with what the
-- filters need and a one-line summary in business terms. The payload itself is read from the event store by
-- global_index when a page is answered. Rebuildable like every read model.
CREATE TABLE query.audit_events (
    global_index   BIGINT PRIMARY KEY,
    agency_id      UUID        NOT NULL,
    aggregate_type TEXT        NOT NULL,
    aggregate_id   TEXT        NOT NULL,
    sequence       BIGINT      NOT NULL,
    event_type     TEXT        NOT NULL,
    occurred_at    TIMESTAMPTZ NOT NULL,
    actor_id       UUID,
    correlation_id TEXT,
    causation_id   TEXT,
    ip             TEXT,
    user_agent     TEXT,
    summary        TEXT        NOT NULL
);
-- newest first, paged by global_index; each filter has an index that starts with the agency
CREATE INDEX audit_events_agency ON query.audit_events (agency_id, global_index DESC);
CREATE INDEX audit_events_aggregate ON query.audit_events (agency_id, aggregate_id, global_index DESC);
CREATE INDEX audit_events_type ON query.audit_events (agency_id, event_type, global_index DESC);
CREATE INDEX audit_events_actor ON query.audit_events (agency_id, actor_id, global_index DESC);
CREATE INDEX audit_events_correlation ON query.audit_events (agency_id, correlation_id, global_index DESC);
CREATE INDEX audit_events_time ON query.audit_events (agency_id, occurred_at DESC, global_index DESC);

-- The names summaries mention ("renamed client Acme Ltd → Acme Group"), as of the last event seen.
CREATE TABLE query.audit_names (
    aggregate_id TEXT PRIMARY KEY,
    name         TEXT NOT NULL
);

-- The erasure records as the privacy page lists them (ErasureProjection, processing group "privacy").
CREATE TABLE query.erasures_view (
    erasure_id   UUID PRIMARY KEY,
    agency_id    UUID        NOT NULL,
    subject_type TEXT        NOT NULL,
    subject_id   UUID        NOT NULL,
    reason       TEXT        NOT NULL,
    requested_by UUID,
    requested_at TIMESTAMPTZ NOT NULL,
    position     BIGINT      NOT NULL
);
CREATE INDEX erasures_view_agency ON query.erasures_view (agency_id, requested_at DESC);
