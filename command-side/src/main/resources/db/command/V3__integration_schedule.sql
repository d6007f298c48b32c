-- When each fetched integration is next due for a scheduled sync. Written in the same transaction as
-- the connect / disconnect events; claimed with FOR UPDATE SKIP LOCKED so that several command-side
-- instances never pick the same integration at once.
CREATE TABLE command.integration_schedule (
    integration_id UUID PRIMARY KEY,
    agency_id      UUID        NOT NULL,
    next_sync_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX integration_schedule_due ON command.integration_schedule (next_sync_at);
