-- Integration credentials and pending OAuth authorizations: secrets that must never reach the event store.

-- One sealed grant per integration: Tink AEAD (AES256-GCM) ciphertext of the tokens, with the integration id
-- as associated data, under a master key that lives outside the database (WPM_MASTER_KEY or
-- <WPM_DATA_DIR>/master-key.json). Deleted on disconnect.
CREATE TABLE command.integration_credentials (
    integration_id UUID PRIMARY KEY,
    agency_id      UUID        NOT NULL,
    provider       TEXT        NOT NULL,
    ciphertext     BYTEA       NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Authorization round trips in flight. Only hashes: SHA-256 of the state sent to the provider and of the
-- browser nonce kept in a cookie; the PKCE verifier is sealed like a grant. A row is deleted when its state is
-- used; expired rows linger a day.
CREATE TABLE command.oauth_states (
    state_hash      BYTEA PRIMARY KEY,
    browser_hash    BYTEA       NOT NULL,
    integration_id  UUID        NOT NULL,
    agency_id       UUID        NOT NULL,
    client_id       UUID        NOT NULL,
    user_id         UUID        NOT NULL,
    provider        TEXT        NOT NULL,
    sealed_verifier BYTEA,
    expires_at      TIMESTAMPTZ NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX oauth_states_expires ON command.oauth_states (expires_at);
