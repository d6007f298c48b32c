package com.webprometrics.command.infra.tables;

import com.webprometrics.platform.axon.AxonPostgresAutoConfiguration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * The command side's tables that are not secrets — the sync schedule, report schedules and deliveries, the index of
 * delivered files, the integration directory, plan counts, user accounts — are kept from events by
 * {@code @EventHandler}s of {@link EventFedTable} components in processing group {@value #GROUP}: a subscribing
 * processor, so they run in the transaction that appends the events, and an error in one rolls the command back.
 * {@link #rebuild()} empties them all and replays the event store into them.
 */
@Configuration
public class CommandTables {
    public static final String GROUP = "command-tables";
    private static final Logger log = LoggerFactory.getLogger(CommandTables.class);
    private static final int PAGE = 5000;

    private final List<EventFedTable> tables;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Serializer serializer;
    private final org.axonframework.config.Configuration axon;

    CommandTables(List<EventFedTable> tables, JdbcTemplate jdbc, TransactionTemplate tx,
                  com.webprometrics.platform.axon.eventstore.PostgresEventStorageEngine storage,
                  @Lazy org.axonframework.config.Configuration axon) {
        this.tables = tables;
        this.jdbc = jdbc;
        this.tx = tx;
        // the event store's own: personal data opened (or erased) exactly as the aggregates and projections read it
        this.serializer = storage.getEventSerializer();
        this.axon = axon;
    }

    @Bean
    static ConfigurerModule commandTablesProcessor() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(GROUP)
                .registerListenerInvocationErrorHandler(GROUP, c -> PropagatingErrorHandler.instance());
    }

    public record Rebuilt(List<String> tables, long events, long head) {
    }

    /** The tables kept from events, qualified. */
    public List<String> names() {
        return tables.stream().flatMap(t -> t.tables().stream()).distinct().toList();
    }

    /**
     * A migration that reshapes these tables asks for a rebuild ({@code command.table_rebuilds}); the first instance
     * to start after it rebuilds, the others find nothing left to do.
     */
    @EventListener(ApplicationReadyEvent.class)
    @org.springframework.core.annotation.Order(0) // before anything that reads the tables on start (LegacyTrials)
    void rebuildIfRequested() {
        tx.executeWithoutResult(status -> {
            List<String> requests = jdbc.queryForList("DELETE FROM command.table_rebuilds RETURNING requested_by",
                    String.class);
            if (!requests.isEmpty()) {
                log.info("Rebuilding the command side's tables, as asked by {}", requests);
                rebuild();
            }
        });
    }

    /**
     * Empties every event-fed table and replays the events they are fed from (upcast like any read), in one
     * transaction that locks the tables first: a command that would write them waits until the rebuild has
     * committed, then applies its events on top.
     */
    public Rebuilt rebuild() {
        return tx.execute(status -> {
            List<String> names = names();
            jdbc.execute("LOCK TABLE " + String.join(", ", names) + " IN ACCESS EXCLUSIVE MODE");
            jdbc.execute("TRUNCATE " + String.join(", ", names));
            List<AnnotationEventHandlerAdapter> handlers = tables.stream().map(AnnotationEventHandlerAdapter::new).toList();
            List<String> types = jdbc.queryForList("SELECT DISTINCT payload_type FROM "
                    + AxonPostgresAutoConfiguration.EVENT_TABLE, String.class).stream()
                    .filter(type -> handled(type, handlers)).toList();
            long head = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM "
                    + AxonPostgresAutoConfiguration.EVENT_TABLE, Long.class);
            long events = 0;
            long after = 0;
            while (!types.isEmpty()) {
                List<Long> positions = new ArrayList<>();
                List<GenericDomainEventEntry<byte[]>> page = page(types, after, positions);
                EventUpcaster upcasters = axon.upcasterChain();
                EventStreamUtils.upcastAndDeserializeDomainEvents(page.stream(), serializer, upcasters)
                        .asStream().forEach(event -> apply(event, handlers));
                events += page.size();
                if (page.size() < PAGE) {
                    break;
                }
                after = positions.get(positions.size() - 1);
            }
            log.info("Rebuilt {} from {} events (head {})", names, events, head);
            return new Rebuilt(names, events, head);
        });
    }

    private static void apply(DomainEventMessage<?> event, List<AnnotationEventHandlerAdapter> handlers) {
        for (AnnotationEventHandlerAdapter handler : handlers) {
            if (handler.canHandle(event)) {
                try {
                    handler.handle(event);
                } catch (Exception e) {
                    throw new IllegalStateException("Replaying " + event.getPayloadType().getSimpleName() + " "
                            + event.getIdentifier() + " failed", e);
                }
            }
        }
    }

    private boolean handled(String type, List<AnnotationEventHandlerAdapter> handlers) {
        try {
            Class<?> payloadType = serializer.classForType(new SimpleSerializedType(type, null));
            return handlers.stream().anyMatch(h -> h.canHandleType(payloadType));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private List<GenericDomainEventEntry<byte[]>> page(List<String> types, long after, List<Long> positions) {
        return jdbc.query(connection -> {
            var statement = connection.prepareStatement("SELECT global_index, event_identifier, aggregate_identifier, "
                    + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data FROM "
                    + AxonPostgresAutoConfiguration.EVENT_TABLE
                    + " WHERE global_index > ? AND payload_type = ANY (?) ORDER BY global_index LIMIT ?");
            statement.setLong(1, after);
            statement.setArray(2, connection.createArrayOf("varchar", types.toArray()));
            statement.setInt(3, PAGE);
            return statement;
        }, (rs, n) -> {
            positions.add(rs.getLong("global_index"));
            return new GenericDomainEventEntry<>(rs.getString("type"), rs.getString("aggregate_identifier"),
                    rs.getLong("sequence_number"), rs.getString("event_identifier"), rs.getString("time_stamp"),
                    rs.getString("payload_type"), rs.getString("payload_revision"), rs.getBytes("payload"),
                    rs.getBytes("meta_data"));
        });
    }
}
