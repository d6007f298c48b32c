-- Every statement that appends events notifies channel wpm_events (no payload: "look again"). PostgreSQL delivers
-- it when the transaction commits, so listeners hear of events exactly when they become visible — including late
-- commits that fill a gap below the newest position. The query side's processors wait for it instead of polling
-- (query-side EventStoreNotifications). Identical notifications of one transaction are delivered once.
-- V8: the event-store and command migrations share one version sequence on the command side.
CREATE FUNCTION event_store.notify_appends() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('wpm_events', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER domain_event_entry_notify
    AFTER INSERT ON event_store.domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION event_store.notify_appends();
