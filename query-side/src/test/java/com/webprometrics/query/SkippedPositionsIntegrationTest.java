package com.webprometrics.query;

import com.webprometrics.events.clients.ClientCreated;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A processor remembers every position it read past without an event (a transaction still open, or rolled back)
 * and asks for them again on each read. After a jump in the event store's sequence — rolled-back imports, a table
 * that shared the sequence — that can be more positions than PostgreSQL binds in one statement (65,535); the read
 * must still work, or every read model stops.
 */
class SkippedPositionsIntegrationTest extends QuerySideTestContext {

    @Autowired
    EventStore eventStore;
    @Autowired
    EventStorageEngine engine;

    @Test
    void aProcessorWaitingForMorePositionsThanOneStatementBindsStillReadsTheNextEvent() {
        UUID clientId = UUID.randomUUID();
        eventStore.publish(new GenericDomainEventMessage<>("Client", clientId.toString(), 0,
                new ClientCreated(clientId, UUID.randomUUID(), "After the jump", null, null, null, null)));
        long position = head();
        // positions that hold no event and never will, more than one statement could name one by one
        List<Long> waitingFor = LongStream.rangeClosed(-70_000, -1).boxed().toList();

        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(position - 1, waitingFor);
        List<? extends TrackedEventMessage<?>> read;
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(token, false)) {
            read = events.limit(1).toList();
        }

        assertThat(read).hasSize(1);
        assertThat(read.get(0).trackingToken().position()).hasValue(position);
        assertThat(((ClientCreated) read.get(0).getPayload()).clientId()).isEqualTo(clientId);
    }
}
