-- the e-mail sink's place in the checkpoint chain: the size of the last checkpoint e-mailed (NULL: none yet, the first
-- digest starts at the newest checkpoint instead of every one ever signed)
ALTER TABLE event_store.audit_sealer ADD COLUMN emailed_size BIGINT;
