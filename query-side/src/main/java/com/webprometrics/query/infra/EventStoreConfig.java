package com.webprometrics.query.infra;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.Map;

/**
 * The query side only reads the event store (the engine is platform's {@code PostgresEventStorageEngine}). Events
 * are appended by another process; the processors learn of them from PostgreSQL notifications
 * ({@link EventStoreNotifications}, {@link ProcessorsConfig}). A processor that is behind reads
 * {@code wpm.event-store.batch-size} events per query (Axon's default of 100 makes replays pay a round trip per
 * 100 events).
 */
@org.springframework.context.annotation.Configuration
public class EventStoreConfig {

    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    EventStore eventStore(EventStorageEngine storageEngine, Configuration configuration) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                // Every processor reads its own stream. Axon's shared stream lets one reader run ahead of the
                // processors through a large backlog (a replay, a restore) and keeps all it read in memory while a
                // slower processor still points into it: a million-event replay filled the heap. Idle processors
                // wait for notifications instead (ProcessorsConfig).
                .optimizeEventConsumption(false)
                .build();
    }

    /**
     * The query side sends no messages, so there is no correlation data to carry. Without this, the platform's
     * provider (or Axon's default one) read every event's metadata in each of the five processors: a tenth of the
     * query side's CPU (JFR, docs/benchmarks.md).
     */
    @Bean
    CorrelationDataProvider noCorrelationData() {
        return message -> Map.of();
    }
}
