-- Audit search by aggregate type ("every user event") scanned the agency's whole log for a type it rarely has
-- (270 ms at a million events; docs/benchmarks.md "Audit log").
CREATE INDEX audit_events_aggregate_type ON query.audit_events (agency_id, aggregate_type, global_index DESC);
-- Searches are small index scans, but a generic plan (the JDBC driver's prepared statement after five runs) estimates
-- thousands of rows and starts parallel workers for them: 25 ms of worker start-up for a 1 ms query, as for the event
-- store (event-store V11). Never parallel.
ALTER TABLE query.audit_events SET (parallel_workers = 0);
