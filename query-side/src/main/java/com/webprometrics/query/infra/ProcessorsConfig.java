package com.webprometrics.query.infra;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Every processing group runs a tracking processor (tokens in {@code query.token_entry}). An idle one asks the
 * event store for news every {@code wpm.event-store.fetch-delay}: events come from another process, so nothing
 * wakes it sooner, and read-your-writes waits for it. Processors that write in batches take bigger batches.
 */
@Configuration
class ProcessorsConfig {
    static final int BATCH_SIZE = 200;
    /** {@code DailyMetricsRecorded} rows are buffered per batch and written with one upsert (MetricsProjection). */
    static final int METRICS_BATCH_SIZE = 500;

    @Bean
    ConfigurerModule trackingProcessors(@Value("${wpm.event-store.fetch-delay}") Duration fetchDelay) {
        return configurer -> configurer.eventProcessing()
                .usingTrackingEventProcessors()
                .registerTrackingEventProcessorConfiguration(c -> processor(BATCH_SIZE, fetchDelay))
                .registerTrackingEventProcessorConfiguration("metrics", c -> processor(METRICS_BATCH_SIZE, fetchDelay));
    }

    private static TrackingEventProcessorConfiguration processor(int batchSize, Duration fetchDelay) {
        return TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                .andBatchSize(batchSize)
                .andEventAvailabilityTimeout(fetchDelay.toMillis(), TimeUnit.MILLISECONDS);
    }
}
