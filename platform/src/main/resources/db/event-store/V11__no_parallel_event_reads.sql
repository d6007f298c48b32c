-- A processor's read of the next events (a global_index range OR'ed with the gaps it waits for) is a bitmap scan
-- of a few dozen rows, but once the table holds a few million events the planner's estimate for it crosses the
-- parallel threshold and it starts a parallel worker for every read: 12 ms instead of 0.2 ms, and with five
-- processors woken up to 50 times a second the box spent most of its CPU starting worker processes
-- (docs/benchmarks.md, "The command path"). Reads of the event store are always small index scans: never parallel.
ALTER TABLE event_store.domain_event_entry SET (parallel_workers = 0);
ALTER TABLE event_store.snapshot_event_entry SET (parallel_workers = 0);
