-- Aggregates decide and emit; the command side's other tables (but its secrets) are kept from events by handlers in
-- the appending transaction (processing group command-tables) and can be rebuilt from the event store
-- (docs/architecture.md, "The command side's tables"). This migration reshapes what the aggregates used to write.

-- Users: the password hash and the e-mail claim stay in command.credentials (a secret, and the uniqueness check);
-- agency, role and whether the user may sign in follow from the events.
CREATE TABLE command.user_accounts (
    user_id   UUID PRIMARY KEY,
    agency_id UUID    NOT NULL,
    email     TEXT    NOT NULL,
    role      TEXT    NOT NULL,
    active    BOOLEAN NOT NULL DEFAULT TRUE
);
INSERT INTO command.user_accounts (user_id, agency_id, email, role, active)
SELECT user_id, agency_id, email, role, active FROM command.credentials;
ALTER TABLE command.credentials DROP COLUMN agency_id, DROP COLUMN role, DROP COLUMN active;

-- What the command side's processes need to act on an integration without loading it.
CREATE TABLE command.integration_directory (
    integration_id UUID PRIMARY KEY,
    agency_id      UUID  NOT NULL,
    client_id      UUID  NOT NULL,
    provider       TEXT  NOT NULL,
    settings       JSONB NOT NULL,
    time_zone      TEXT,
    status         TEXT  NOT NULL CHECK (status IN ('pending', 'connected', 'disconnected'))
);

-- Deliveries: the queue holds what the events say (attempts are failed attempts; a worker holds a row lock, not a
-- lease, while it sends); the delivered bytes are kept by their SHA-256, the index of them follows ReportDelivered.
ALTER TABLE command.report_delivery_queue RENAME TO report_deliveries;
ALTER INDEX command.report_delivery_queue_due RENAME TO report_deliveries_due;
ALTER INDEX command.report_delivery_queue_report RENAME TO report_deliveries_report;
ALTER TABLE command.report_deliveries DROP COLUMN created_at;

CREATE TABLE command.report_file_contents (
    sha256  TEXT PRIMARY KEY,
    content BYTEA NOT NULL
);
INSERT INTO command.report_file_contents (sha256, content)
SELECT DISTINCT ON (sha256) sha256, content FROM command.report_files;
ALTER TABLE command.report_files DROP COLUMN content;

-- Tables kept from events are refilled from the event store once, at the next start (CommandTables), so that
-- rows the old code never wrote (the directory, claims of integrations older than V6) exist.
CREATE TABLE command.table_rebuilds (
    requested_by TEXT PRIMARY KEY,
    requested_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
INSERT INTO command.table_rebuilds (requested_by) VALUES ('V10__event_fed_tables');
