-- The tamper-evident audit log (docs/design/audit-log.md). The command side's sealer is its only writer; the query
-- side reads it to verify and export.

-- Which transaction appended each event. The sealer takes events only from transactions older than every one still
-- running (pg_snapshot_xmin of its snapshot): those are all committed or rolled back, so none can appear later below
-- what it sealed, and its cursor (tx_id, global_index) never has to look back. Rows from before read as transaction
-- 1 (a constant default: no rewrite), so the first pass seals them in global_index order.
ALTER TABLE event_store.domain_event_entry ADD COLUMN tx_id xid8 NOT NULL DEFAULT '1';
ALTER TABLE event_store.domain_event_entry ALTER COLUMN tx_id SET DEFAULT pg_current_xact_id();
CREATE INDEX domain_event_entry_tx_id_idx ON event_store.domain_event_entry (tx_id, global_index);

-- The sealer's single row: locked for each pass, so two command sides never seal at once.
CREATE TABLE event_store.audit_sealer (
    id             SMALLINT PRIMARY KEY CHECK (id = 1),
    sealed_tx      xid8,
    sealed_index   BIGINT   NOT NULL DEFAULT 0,
    log_size       BIGINT   NOT NULL DEFAULT 0,
    log_frontier   BYTEA    NOT NULL DEFAULT ''::bytea
);
INSERT INTO event_store.audit_sealer (id) VALUES (1);

-- Each agency's tree: its size and frontier (the compact range), and the size its last head in the log holds.
CREATE TABLE event_store.audit_agency (
    agency_id   VARCHAR(64) PRIMARY KEY,
    size        BIGINT      NOT NULL,
    frontier    BYTEA       NOT NULL,
    logged_size BIGINT      NOT NULL DEFAULT 0
);

-- One row per sealed event: its place in its agency's tree and the leaf hash it was sealed with.
CREATE TABLE event_store.audit_leaf (
    agency_id    VARCHAR(64) NOT NULL,
    agency_seq   BIGINT      NOT NULL,
    global_index BIGINT      NOT NULL UNIQUE,
    leaf_hash    BYTEA       NOT NULL,
    sealed_at    TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (agency_id, agency_seq)
);

-- The global log: one head leaf per agency per checkpoint in which its tree grew.
CREATE TABLE event_store.audit_log_leaf (
    log_index   BIGINT PRIMARY KEY,
    agency_id   VARCHAR(64) NOT NULL,
    agency_size BIGINT      NOT NULL,
    agency_root BYTEA       NOT NULL
);
CREATE INDEX audit_log_leaf_agency_idx ON event_store.audit_log_leaf (agency_id, log_index);

-- The global log's perfect subtrees (level 0 = leaf hashes): any root or proof is O(log n) lookups.
CREATE TABLE event_store.audit_log_node (
    level SMALLINT NOT NULL,
    index BIGINT   NOT NULL,
    hash  BYTEA    NOT NULL,
    PRIMARY KEY (level, index)
);

-- Signed checkpoints of the global log; published = handed to the sink outside the database.
CREATE TABLE event_store.audit_checkpoint (
    size        BIGINT PRIMARY KEY,
    root_hash   BYTEA       NOT NULL,
    signed_at   VARCHAR(40) NOT NULL,
    key_id      VARCHAR(64) NOT NULL,
    public_key  BYTEA       NOT NULL,
    signature   BYTEA       NOT NULL,
    published   BOOLEAN     NOT NULL DEFAULT FALSE
);
