-- Read models are disposable: each can be dropped and rebuilt from the event store.
CREATE SCHEMA IF NOT EXISTS query;

CREATE TABLE query.token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    time_stamp     VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);

CREATE TABLE query.clients_view (
    client_id         UUID PRIMARY KEY,
    agency_id         UUID        NOT NULL,
    name              TEXT        NOT NULL,
    website           TEXT,
    industry          TEXT,
    contact_email     TEXT,
    notes             TEXT,
    status            TEXT        NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    integration_count INTEGER     NOT NULL DEFAULT 0,
    version           BIGINT      NOT NULL
);
CREATE INDEX clients_view_agency_name ON query.clients_view (agency_id, status, lower(name));

CREATE TABLE query.agencies_view (
    agency_id    UUID PRIMARY KEY,
    name         TEXT        NOT NULL,
    plan         TEXT        NOT NULL,
    client_limit INTEGER     NOT NULL,
    time_zone    TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);

CREATE TABLE query.users_view (
    user_id       UUID PRIMARY KEY,
    agency_id     UUID        NOT NULL,
    email         TEXT        NOT NULL,
    name          TEXT        NOT NULL,
    role          TEXT        NOT NULL,
    status        TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    last_login_at TIMESTAMPTZ
);
CREATE INDEX users_view_agency ON query.users_view (agency_id);

CREATE TABLE query.invitations_view (
    invitation_id UUID PRIMARY KEY,
    agency_id     UUID        NOT NULL,
    email         TEXT        NOT NULL,
    role          TEXT        NOT NULL,
    status        TEXT        NOT NULL,
    invited_by    UUID,
    expires_at    TIMESTAMPTZ NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX invitations_view_agency ON query.invitations_view (agency_id);
