-- Refresh families that have not ended, kept from SessionStarted / SessionEnded: a password change or reset ends
-- them. Filled here from the event store for sessions begun before this table existed.
CREATE TABLE command.open_sessions (
    session_id UUID PRIMARY KEY,
    user_id    UUID NOT NULL
);
CREATE INDEX open_sessions_user ON command.open_sessions (user_id);
INSERT INTO command.open_sessions (session_id, user_id)
SELECT s.aggregate_identifier::uuid, (convert_from(s.payload, 'UTF8')::jsonb ->> 'userId')::uuid
FROM event_store.domain_event_entry s
WHERE s.payload_type = 'com.webprometrics.events.auth.SessionStarted'
  AND NOT EXISTS (SELECT 1 FROM event_store.domain_event_entry e
                  WHERE e.aggregate_identifier = s.aggregate_identifier
                    AND e.payload_type = 'com.webprometrics.events.auth.SessionEnded');

-- Password-reset links: a secret like a password, so only its SHA-256 is kept (never in an event); single use,
-- valid for at most 30 minutes.
CREATE TABLE command.password_reset_tokens (
    token_hash BYTEA PRIMARY KEY,
    user_id    UUID        NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);
CREATE INDEX password_reset_tokens_user ON command.password_reset_tokens (user_id);
