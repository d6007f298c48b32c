package com.webprometrics.query.infra;

import org.springframework.context.annotation.Bean;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.Map;

/**
 * The query side only reads the event store (platform's engine and event store). Events are appended by another
 * process; the processors learn of them from PostgreSQL notifications ({@link EventStoreNotifications},
 * {@link ProcessorsConfig}). A processor that is behind reads {@code wpm.event-store.batch-size} events per query
 * (Axon's default of 100 makes replays pay a round trip per 100 events).
 */
@org.springframework.context.annotation.Configuration
public class EventStoreConfig {

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
