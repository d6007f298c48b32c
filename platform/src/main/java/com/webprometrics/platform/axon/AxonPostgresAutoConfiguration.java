package com.webprometrics.platform.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.webprometrics.platform.axon.eventstore.AppendSignal;
import com.webprometrics.platform.axon.eventstore.PostgresEventStorageEngine;
import com.webprometrics.platform.axon.eventstore.SnapshotSerializer;
import com.webprometrics.platform.privacy.PersonalDataReader;
import com.webprometrics.platform.privacy.PersonalDataSerializer;
import com.webprometrics.platform.privacy.PersonalDataWriter;
import com.webprometrics.platform.privacy.SubjectKeys;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;

/**
 * The event store, token store and serializer as both sides see them: snake_case tables created by
 * Flyway (PostgreSQL folds Axon's camelCase defaults), and Jackson 2 JSON so stored payloads are
 * readable by auditors and by {@code psql}.
 */
@AutoConfiguration(beforeName = {
        "org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
        "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration"})
public class AxonPostgresAutoConfiguration {

    public static final String EVENT_TABLE = "event_store.domain_event_entry";
    public static final String SNAPSHOT_TABLE = "event_store.snapshot_event_entry";

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable(EVENT_TABLE)
                .snapshotTable(SNAPSHOT_TABLE)
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /** Each service keeps its processors' tokens in its own schema ({@code wpm.axon.token-table}). */
    @Bean
    public TokenSchema tokenSchema(@Value("${wpm.axon.token-table}") String tokenTable) {
        return TokenSchema.builder()
                .setTokenTable(tokenTable)
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }

    /** Picked up by name by Axon's Jackson serializer for events, messages and tokens. */
    @Bean
    public ObjectMapper defaultAxonObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** The data subjects' keys ({@code privacy.subject_keys}): the command side writes them, both sides read. */
    @Bean
    @ConditionalOnMissingBean
    public SubjectKeys subjectKeys(org.springframework.jdbc.core.JdbcTemplate jdbc) {
        return new SubjectKeys(jdbc);
    }

    @Bean
    @ConditionalOnMissingBean
    public PersonalDataReader personalDataReader(SubjectKeys keys) {
        return new PersonalDataReader(keys);
    }

    /** Wakes the query side after appends (see {@link AppendSignal} for why not a trigger). */
    @Bean
    public AppendSignal appendSignal(DataSource dataSource, PlatformTransactionManager transactions,
                                     @Value("${wpm.event-store.signal-interval-ms:20}") long intervalMillis) {
        return new AppendSignal(dataSource, transactions, intervalMillis);
    }

    @Bean
    @ConditionalOnMissingBean
    public EventStoreHead eventStoreHead(org.springframework.jdbc.core.JdbcTemplate jdbc) {
        return new EventStoreHead(jdbc);
    }

    @Bean
    @ConditionalOnMissingBean
    public EventStoreGaps eventStoreGaps(@Value("${wpm.event-store.max-gap-offset:1000000}") int maxOffset,
                                         @Value("${wpm.event-store.gap-timeout:10m}") java.time.Duration timeout,
                                         @Value("${wpm.event-store.gap-cleaning-threshold:25}") int cleaningThreshold) {
        return new EventStoreGaps(maxOffset, Math.toIntExact(timeout.toMillis()), cleaningThreshold);
    }

    /**
     * The JDBC engine both sides use ({@link PostgresEventStorageEngine}). A service that snapshots aggregates
     * declares a {@link SnapshotSerializer} and a {@link SnapshotFilter} bean; {@code wpm.event-store.batch-size}
     * is how many events one query reads when a processor is behind.
     */
    @Bean
    @ConditionalOnMissingBean(EventStorageEngine.class)
    public PostgresEventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 ObjectMapper defaultAxonObjectMapper,
                                                 ObjectProvider<PersonalDataWriter> personalDataWriter,
                                                 PersonalDataReader personalDataReader,
                                                 ObjectProvider<SnapshotSerializer> snapshotSerializer,
                                                 ObjectProvider<SnapshotFilter> snapshotFilter,
                                                 Configuration configuration, ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager, EventSchema eventSchema,
                                                 AppendSignal appendSignal,
                                                 @Value("${wpm.event-store.batch-size:100}") int batchSize,
                                                 EventStoreGaps gaps) {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .batchSize(batchSize)
                .maxGapOffset(gaps.maxOffset())
                .gapTimeout(gaps.timeoutMillis())
                .gapCleaningThreshold(gaps.cleaningThreshold())
                .snapshotSerializer(snapshotSerializer.stream().map(SnapshotSerializer::serializer).findFirst()
                        .orElse(defaultSerializer))
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(AxonPostgresAutoConfiguration::isUniqueViolation)
                .eventSerializer(new PersonalDataSerializer(eventSerializer, defaultAxonObjectMapper,
                        personalDataWriter.getIfAvailable(), personalDataReader))
                .snapshotFilter(snapshotFilter.getIfAvailable(configuration::snapshotFilter))
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema);
        return new PostgresEventStorageEngine(builder, transactionManager, appendSignal);
    }

    /**
     * Every tracking processor reads its own stream. Axon's shared stream lets one reader run ahead through a large
     * backlog (a replay, a restore, a bulk import) and keeps all it read in memory while a slower processor still
     * points into it: a million events replayed filled the query side's heap, and a million appended at once ran the
     * command side's renewal process out of its 512 MB. The query side's processors wait for notifications instead
     * of polling (its {@code ProcessorsConfig}); the command side's one tracking processor polls its own stream.
     */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    public EventStore eventStore(EventStorageEngine storageEngine, Configuration configuration) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .optimizeEventConsumption(false)
                .build();
    }

    /**
     * PostgreSQL's unique_violation (SQLState 23505) anywhere in the cause chain: an event at an aggregate sequence
     * that is taken, which Axon turns into a {@code ConcurrencyException} (409, and the command gateway's retry).
     * Axon's JDBC default looks for {@code SQLIntegrityConstraintViolationException}, which pgjdbc never throws.
     */
    static boolean isUniqueViolation(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Unless the service has its own (the query side, which sends no messages, has none to carry). */
    @Bean
    @ConditionalOnMissingBean(CorrelationDataProvider.class)
    public CorrelationDataProvider requestCorrelationDataProvider() {
        return new RequestCorrelationDataProvider();
    }
}
