-- The audit log's checkpoint signing key (Ed25519). The private half is sealed with the master key (Tink AEAD,
-- associated data "checkpoint-key:<kid>"), like the token signing key: a copy of the database alone cannot sign.
CREATE TABLE command.checkpoint_keys (
    kid         VARCHAR(64) PRIMARY KEY,
    private_key BYTEA       NOT NULL,
    public_key  BYTEA       NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
