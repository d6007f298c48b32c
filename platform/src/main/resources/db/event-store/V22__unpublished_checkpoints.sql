-- the publisher (every checkpoint) and the wpm_audit_checkpoints_unpublished gauge (every scrape) look for the
-- checkpoints the sink has not taken; without this they read every checkpoint ever signed (two a minute, for years)
CREATE INDEX audit_checkpoint_unpublished ON event_store.audit_checkpoint (size) WHERE NOT published;
