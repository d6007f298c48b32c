package com.webprometrics.query.infra;

import com.webprometrics.platform.axon.EventStoreHead;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.OptionalLong;

/**
 * Prometheus gauges read when scraped, nothing per event: {@code wpm_event_store_head} (the newest global
 * position), and per processor {@code wpm_processor_position} (the lowest position of its segments on this
 * instance) and {@code wpm_processor_lag} (head − position, in events).
 */
@Component
class EventProcessorGauges {
    private final EventProcessingConfiguration processing;
    private final EventStoreHead head;
    private final MeterRegistry registry;

    EventProcessorGauges(EventProcessingConfiguration processing, EventStoreHead head, MeterRegistry registry) {
        this.processing = processing;
        this.head = head;
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        Gauge.builder("wpm.event_store.head", this, m -> m.head()).description("newest global event position")
                .register(registry);
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder("wpm.processor.position", streaming, p -> position(p).orElse(-1))
                        .tag("processor", name).description("lowest token position of the processor's segments")
                        .register(registry);
                Gauge.builder("wpm.processor.lag", streaming, p -> position(p).isPresent()
                                ? Math.max(0, head() - position(p).getAsLong()) : Double.NaN)
                        .tag("processor", name).description("events between the head and the processor")
                        .register(registry);
            }
        });
    }

    private double head() {
        return head.position();
    }

    private static OptionalLong position(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .map(EventTrackerStatus::getTrackingToken)
                .filter(token -> token != null && token.position().isPresent())
                .mapToLong(token -> token.position().getAsLong())
                .min();
    }
}
