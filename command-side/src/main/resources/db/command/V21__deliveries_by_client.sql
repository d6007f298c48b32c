-- A client contact's erasure cancels the client's pending report deliveries (their recipients are the erased data):
-- deliveries now know their client. Rows from before get it from their report's first event.
ALTER TABLE command.report_deliveries ADD COLUMN client_id UUID;
UPDATE command.report_deliveries d SET client_id = (
    SELECT (convert_from(e.payload, 'UTF8')::jsonb ->> 'clientId')::uuid FROM event_store.domain_event_entry e
    WHERE e.aggregate_identifier = d.report_id::text AND e.sequence_number = 0);
CREATE INDEX report_deliveries_client ON command.report_deliveries (client_id) WHERE status = 'pending';
