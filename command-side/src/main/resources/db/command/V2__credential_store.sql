-- Command-side state that must not live in events: secrets (hashes, signing keys) and the
-- set-based checks that span aggregates (unique e-mail, plan client limit).
CREATE SCHEMA IF NOT EXISTS command;

CREATE TABLE command.token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    time_stamp     VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);

CREATE TABLE command.credentials (
    user_id       UUID PRIMARY KEY,
    agency_id     UUID        NOT NULL,
    email         TEXT        NOT NULL,
    password_hash TEXT        NOT NULL,
    role          TEXT        NOT NULL,
    active        BOOLEAN     NOT NULL DEFAULT TRUE,
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX credentials_email_key ON command.credentials (lower(email));

CREATE TABLE command.refresh_tokens (
    session_id UUID        NOT NULL,
    generation INTEGER     NOT NULL,
    user_id    UUID        NOT NULL,
    token_hash BYTEA       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (session_id, generation)
);

CREATE TABLE command.invitation_tokens (
    token_hash    BYTEA PRIMARY KEY,
    invitation_id UUID        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE command.client_quota (
    agency_id      UUID PRIMARY KEY,
    client_limit   INTEGER NOT NULL,
    active_clients INTEGER NOT NULL DEFAULT 0 CHECK (active_clients >= 0)
);

CREATE TABLE command.signing_keys (
    kid         TEXT PRIMARY KEY,
    private_key BYTEA       NOT NULL,
    public_key  BYTEA       NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
