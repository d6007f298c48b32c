package com.webprometrics.query;

import com.webprometrics.events.clients.ClientCreated;
import com.webprometrics.platform.axon.eventstore.GlobalIndex;
import com.webprometrics.platform.axon.eventstore.PostgresEventStorageEngine;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Connection;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each event a processor reads knows its own global index, also one that commits late and fills a gap below the
 * token's index (the token then still reports the higher one), and the stored metadata is kept as it was.
 */
class GlobalIndexIntegrationTest extends QuerySideTestContext {
    @Autowired
    EventStore eventStore;
    @Autowired
    PostgresEventStorageEngine storage;

    @Test
    void aLateEventReadsAsTheGapItFilledNotAsTheTokensPosition() throws Exception {
        UUID agencyId = UUID.randomUUID();
        UUID lateClient = UUID.randomUUID();
        UUID earlyClient = UUID.randomUUID();
        TrackingToken start = GapAwareTrackingToken.newInstance(head(), List.of());
        long late;
        long early;
        TrackedEventMessage<?> first;
        try (Connection held = jdbc.getDataSource().getConnection()) {
            held.setAutoCommit(false);
            late = appendUncommitted(held, lateClient, agencyId);
            eventStore.publish(new GenericDomainEventMessage<>("Client", earlyClient.toString(), 0,
                    new ClientCreated(earlyClient, agencyId, "Early", null, null, null, null),
                    MetaData.with("agencyId", agencyId.toString())));
            early = head();
            first = only(storage.fetchEvents(start));
            held.commit();
        }
        TrackedEventMessage<?> second = only(storage.fetchEvents(first.trackingToken()));

        assertThat(((ClientCreated) first.getPayload()).clientId()).isEqualTo(earlyClient);
        assertThat(GlobalIndex.of(first, first.trackingToken())).hasValue(early);
        assertThat(first.getMetaData()).containsEntry("agencyId", agencyId.toString());

        assertThat(((ClientCreated) second.getPayload()).clientId()).isEqualTo(lateClient);
        assertThat(second.trackingToken().position()).as("what the token says").hasValue(early);
        assertThat(GlobalIndex.of(second, second.trackingToken())).hasValue(late);
    }

    private static TrackedEventMessage<?> only(List<? extends TrackedEventMessage<?>> events) {
        assertThat(events).hasSize(1);
        return events.get(0);
    }
}
