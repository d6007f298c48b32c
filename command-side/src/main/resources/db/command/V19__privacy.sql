-- GDPR erasure by crypto-shredding: one key per data subject, outside the event store. Personal fields of events are
-- stored sealed under their subject's key (platform PersonalDataSerializer); deleting the row erases them everywhere.
-- The command side creates and destroys keys; the query side may read them (ServiceRoles grants SELECT).
CREATE SCHEMA IF NOT EXISTS privacy;

CREATE TABLE privacy.subject_keys (
    subject    TEXT PRIMARY KEY,
    key        BYTEA       NOT NULL,
    -- the agency whose events hold the subject's data: a closed agency's erasure destroys all of its keys
    agency_id  UUID,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX subject_keys_agency ON privacy.subject_keys (agency_id);
