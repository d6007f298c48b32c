package com.webprometrics.query;

import com.webprometrics.events.clients.ClientCreated;
import com.webprometrics.query.infra.EventStoreNotifications;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Idle processors sleep until the event store says it has news: an append (the trigger's NOTIFY at commit) wakes
 * the waiters, and nothing else does.
 */
class EventStoreNotificationsIntegrationTest extends QuerySideTestContext {
    private static final long WAIT = Duration.ofSeconds(10).toNanos();

    @Autowired
    EventStoreNotifications notifications;
    @Autowired
    EventStore eventStore;

    @Test
    void anAppendWakesTheWaitersAndSilenceDoesNot() throws Exception {
        UUID agencyId = UUID.randomUUID();
        UUID clientId = UUID.randomUUID();
        long idle = notifications.version();
        assertThat(notifications.awaitChange(idle, Duration.ofMillis(300).toNanos()))
                .as("no append, no news").isFalse();

        long seen = notifications.version();
        eventStore.publish(new GenericDomainEventMessage<>("Client", clientId.toString(), 0,
                new ClientCreated(clientId, agencyId, "Notified", null, null, null, null)));

        assertThat(notifications.awaitChange(seen, WAIT)).as("the append's NOTIFY arrived").isTrue();
        assertThat(readYourWrites.awaitPosition(head())).isTrue();
        assertThat(jdbc.queryForObject("SELECT name FROM query.clients_view WHERE client_id = ?", String.class, clientId))
                .isEqualTo("Notified");
    }
}
