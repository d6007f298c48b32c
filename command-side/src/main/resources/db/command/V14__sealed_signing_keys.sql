-- The JWT signing key's private half is sealed with the master key (Tink AEAD, associated data "signing-key:<kid>"),
-- like integrations' grants: a copy of the database alone cannot mint tokens. Rows written before are sealed by the
-- command side at its next start.
ALTER TABLE command.signing_keys ADD COLUMN sealed BOOLEAN NOT NULL DEFAULT FALSE;
