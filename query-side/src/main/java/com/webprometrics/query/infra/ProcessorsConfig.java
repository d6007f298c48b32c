package com.webprometrics.query.infra;

import com.webprometrics.platform.axon.eventstore.PostgresEventStorageEngine;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Every processing group runs a tracking processor (tokens in {@code query.token_entry}) reading the event store
 * through {@link NotifiedEventSource}: once caught up it asks the store again when the command side has appended
 * since its last query (PostgreSQL NOTIFY), and by itself only every {@code wpm.event-store.idle-poll}. Processors
 * that write in batches take bigger batches.
 */
@Configuration
class ProcessorsConfig {
    static final int BATCH_SIZE = 1000;
    /** {@code DailyMetricsRecorded} rows are buffered per batch and written with one upsert (MetricsProjection). */
    static final int METRICS_BATCH_SIZE = 500;

    @Bean
    ConfigurerModule trackingProcessors(@Value("${wpm.event-store.idle-poll}") Duration idlePoll,
                                        EventStoreNotifications notifications,
                                        ObjectProvider<PostgresEventStorageEngine> storage) {
        return configurer -> configurer.eventProcessing()
                .usingTrackingEventProcessors()
                .configureDefaultStreamableMessageSource(c -> {
                    PostgresEventStorageEngine engine = storage.getObject();
                    return new NotifiedEventSource(c.eventStore(), engine::fetchEvents, engine.batchSize(),
                            notifications, idlePoll);
                })
                .registerTrackingEventProcessorConfiguration(c -> processor(BATCH_SIZE, idlePoll))
                .registerTrackingEventProcessorConfiguration("metrics", c -> processor(METRICS_BATCH_SIZE, idlePoll));
    }

    private static TrackingEventProcessorConfiguration processor(int batchSize, Duration idlePoll) {
        return TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                .andBatchSize(batchSize)
                .andEventAvailabilityTimeout(idlePoll.toMillis(), TimeUnit.MILLISECONDS);
    }
}
