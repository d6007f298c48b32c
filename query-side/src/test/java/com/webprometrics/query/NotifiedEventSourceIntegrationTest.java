package com.webprometrics.query;

import com.webprometrics.events.clients.ClientCreated;
import com.webprometrics.platform.axon.eventstore.PostgresEventStorageEngine;
import com.webprometrics.query.infra.EventStoreNotifications;
import com.webprometrics.query.infra.NotifiedEventSource;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A processor that has read everything does not query the event store again each time it looks for more — only once
 * the command side has appended since its last query. Under load, Axon's own stream re-queried for every few events.
 */
class NotifiedEventSourceIntegrationTest extends QuerySideTestContext {
    @Autowired
    EventStore eventStore;
    @Autowired
    PostgresEventStorageEngine storage;
    @Autowired
    EventStoreNotifications notifications;

    @Test
    void aCaughtUpStreamQueriesTheStoreAgainOnlyAfterAnAppend() throws Exception {
        AtomicInteger queries = new AtomicInteger();
        NotifiedEventSource source = new NotifiedEventSource(eventStore, token -> {
            queries.incrementAndGet();
            return storage.fetchEvents(token);
        }, storage.batchSize(), notifications, Duration.ofHours(1));
        UUID agencyId = UUID.randomUUID();
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(source.createHeadToken())) {
            append(agencyId, "First");
            assertThat(stream.hasNextAvailable(10, TimeUnit.SECONDS)).isTrue();
            assertThat(name(stream.nextAvailable())).isEqualTo("First");
            while (stream.hasNextAvailable(500, TimeUnit.MILLISECONDS)) { // until the append's notification is seen
                stream.nextAvailable();
            }

            int caughtUp = queries.get();
            for (int i = 0; i < 200; i++) {
                assertThat(stream.peek()).isEmpty();
                assertThat(stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isFalse();
            }
            assertThat(queries.get()).as("queries while nothing was appended").isEqualTo(caughtUp);

            append(agencyId, "Second");
            assertThat(stream.hasNextAvailable(10, TimeUnit.SECONDS)).as("woken by the append").isTrue();
            assertThat(name(stream.nextAvailable())).isEqualTo("Second");
            assertThat(queries.get() - caughtUp).as("queries for one append").isBetween(1, 3);
        }
    }

    private void append(UUID agencyId, String name) {
        UUID clientId = UUID.randomUUID();
        eventStore.publish(new GenericDomainEventMessage<>("Client", clientId.toString(), 0,
                new ClientCreated(clientId, agencyId, name, null, null, null, null)));
    }

    private static String name(TrackedEventMessage<?> message) {
        return ((ClientCreated) message.getPayload()).name();
    }
}
