package com.webprometrics.command.infra.aggregates;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import com.webprometrics.platform.axon.eventstore.SnapshotSerializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * How aggregates are stored and loaded on the command side. Every aggregate names {@value #SNAPSHOTS} and a cache
 * of its own in its {@code @Aggregate}: a command on a cached aggregate reads nothing; one on an uncached aggregate
 * reads its latest snapshot and the events after it, never more than {@code wpm.aggregates.snapshot-every} of them.
 * Snapshots are the aggregate's fields as JSON ({@code convert_from(payload, 'UTF8')} reads them), stamped with the
 * class's shape ({@link SnapshotShape}), and taken in the background after the command that crossed the threshold.
 */
@org.springframework.context.annotation.Configuration
public class AggregateStorageConfig {
    public static final String SNAPSHOTS = "snapshotEveryN";
    private static final SnapshotShape SHAPE = new SnapshotShape();

    @Bean
    SnapshotFilter snapshotFilter() {
        return SHAPE;
    }

    /** Fields, not getters: an aggregate's state is its private fields. */
    @Bean
    SnapshotSerializer snapshotSerializer() {
        ObjectMapper fields = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return new SnapshotSerializer(JacksonSerializer.builder().objectMapper(fields).revisionResolver(SHAPE).build());
    }

    /** One background thread; a snapshot that finds the queue full is skipped (the next command asks again). */
    @Bean
    Snapshotter aggregateSnapshotter(Configuration configuration, HandlerDefinition handlerDefinition,
                                     ParameterResolverFactory parameterResolverFactory, EventStore eventStore,
                                     TransactionManager transactionManager, SnapshotterSpanFactory spanFactory) {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(1000),
                task -> {
                    Thread thread = new Thread(task, "wpm-snapshots");
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.DiscardPolicy());
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(executor)
                .build();
    }

    @Bean(SNAPSHOTS)
    SnapshotTriggerDefinition snapshotEveryN(Snapshotter snapshotter,
                                             @Value("${wpm.aggregates.snapshot-every:100}") int every) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, every);
    }

    @Bean
    Cache agencyCache(@Value("${wpm.aggregates.cache.agencies:5000}") long size) {
        return new AggregateCache(size);
    }

    @Bean
    Cache userCache(@Value("${wpm.aggregates.cache.users:20000}") long size) {
        return new AggregateCache(size);
    }

    @Bean
    Cache clientCache(@Value("${wpm.aggregates.cache.clients:50000}") long size) {
        return new AggregateCache(size);
    }

    @Bean
    Cache integrationCache(@Value("${wpm.aggregates.cache.integrations:10000}") long size) {
        return new AggregateCache(size);
    }

    @Bean
    Cache reportCache(@Value("${wpm.aggregates.cache.reports:20000}") long size) {
        return new AggregateCache(size);
    }

    @Bean
    Cache subscriptionCache(@Value("${wpm.aggregates.cache.subscriptions:20000}") long size) {
        return new AggregateCache(size);
    }
}
