package com.webprometrics.query.infra;

import com.webprometrics.platform.axon.eventstore.PostgresEventStorageEngine;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The event store as the processors' message source. A processor's stream queries the store again at once while
 * queries come back full (it is behind); otherwise only once {@link EventStoreNotifications} reports an append since
 * its last query — or, without one, {@value #SETTLE_MILLIS} ms after a query that found events (the next may lie
 * beyond missing positions) and {@code idlePoll} after one that found none. In between it answers "nothing yet", so
 * the processor commits the batch it has.
 *
 * <p>Axon's own tracked stream queried again whenever a processor looked for more: under a steady load each of the
 * five processors re-queried the store every few milliseconds for the few events committed meanwhile — 1,010 event
 * queries a second beside 914 creates a second (pg_stat_statements, docs/benchmarks.md).
 */
public final class NotifiedEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {
    static final long SETTLE_MILLIS = 20;
    private static final long SETTLE_NANOS = TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS);

    private final EventStore store;
    private final Function<TrackingToken, List<? extends TrackedEventMessage<?>>> fetch;
    private final int batchSize;
    private final EventStoreNotifications notifications;
    private final long idlePollNanos;

    /** @param fetch one query for the events after a token, at most {@code batchSize} ({@link PostgresEventStorageEngine#fetchEvents}) */
    public NotifiedEventSource(EventStore store, Function<TrackingToken, List<? extends TrackedEventMessage<?>>> fetch,
                               int batchSize, EventStoreNotifications notifications, Duration idlePoll) {
        this.store = store;
        this.fetch = fetch;
        this.batchSize = batchSize;
        this.notifications = notifications;
        this.idlePollNanos = idlePoll.toNanos();
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new Stream(trackingToken);
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    private final class Stream implements BlockingStream<TrackedEventMessage<?>> {
        private TrackingToken lastToken;
        private Iterator<? extends TrackedEventMessage<?>> fetched = Collections.emptyIterator();
        private TrackedEventMessage<?> next;
        private boolean asked;
        private boolean full;
        private boolean foundNone;
        private long askedVersion;
        private long askedAt;

        Stream(TrackingToken from) {
            this.lastToken = from;
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (true) {
                if (next != null) {
                    return true;
                }
                if (fetched.hasNext()) {
                    next = fetched.next();
                    return true;
                }
                long version = notifications.version(); // before the query: an append after it means asking again
                long now = System.nanoTime();
                long askAgainAt = !asked || full ? now : askedAt + (foundNone ? idlePollNanos : SETTLE_NANOS);
                if (version != askedVersion || now - askAgainAt >= 0) {
                    ask(version);
                    continue;
                }
                long left = deadline - now;
                if (left <= 0) {
                    return false;
                }
                notifications.awaitChange(version, Math.min(left, askAgainAt - now));
            }
        }

        private void ask(long version) {
            asked = true;
            askedVersion = version;
            askedAt = System.nanoTime();
            List<? extends TrackedEventMessage<?>> events = fetch.apply(lastToken);
            full = events.size() >= batchSize;
            foundNone = events.isEmpty();
            fetched = events.iterator();
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            try {
                return hasNextAvailable(0, TimeUnit.NANOSECONDS) ? Optional.of(next) : Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (!hasNextAvailable(Integer.MAX_VALUE, TimeUnit.MILLISECONDS)) {
                // the wait ran out without news: wait on
            }
            TrackedEventMessage<?> message = next;
            next = null;
            lastToken = message.trackingToken();
            return message;
        }

        @Override
        public void close() {
            fetched = Collections.emptyIterator();
            next = null;
        }
    }
}
