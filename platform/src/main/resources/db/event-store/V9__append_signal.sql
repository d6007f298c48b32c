-- Appends no longer notify from inside their own transaction: PostgreSQL serializes the commits of notifying
-- transactions on one lock held across the WAL flush, which cut single-event commits at 32 writers from ~10,700/s
-- to ~4,000/s (docs/benchmarks.md). The appending service sends the NOTIFY after its commit instead, coalesced and
-- from a transaction of its own (platform AppendSignal); listeners and the channel (wpm_events) are unchanged.
DROP TRIGGER domain_event_entry_notify ON event_store.domain_event_entry;
DROP FUNCTION event_store.notify_appends();
