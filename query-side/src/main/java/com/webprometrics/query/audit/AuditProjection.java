package com.webprometrics.query.audit;

import com.webprometrics.platform.axon.eventstore.GlobalIndex;
import com.webprometrics.query.infra.BatchedWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.lang.reflect.Method;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every event of the store as the auditor's search finds it ({@code query.audit_events}): who (the metadata's user),
 * from where (IP, user agent), under which request (correlation, causation), and a one-line summary. The names
 * summaries mention are kept in {@code query.audit_names}, and within a batch in memory (writes are batched).
 */
@Component
@ProcessingGroup("audit")
class AuditProjection {
    private static final String NAMES = AuditProjection.class.getName() + ".names";
    private static final Map<Class<?>, Method> AGENCY_ACCESSORS = new ConcurrentHashMap<>();

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;

    AuditProjection(JdbcTemplate jdbc, BatchedWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventHandler
    void on(Object event, EventMessage<?> message, TrackingToken token) {
        if (!(message instanceof DomainEventMessage<?> domain)) {
            return;
        }
        UUID agency = agencyOf(event, message.getMetaData());
        if (agency == null) {
            return;
        }
        Map<String, String> names = names();
        String summary = AuditSummaries.describe(event, id -> name(names, id.toString()));
        String named = AuditSummaries.nameIn(event);
        if (named != null && !named.equals(name(names, domain.getAggregateIdentifier()))) {
            names.put(domain.getAggregateIdentifier(), named);
            writes.update("INSERT INTO query.audit_names (aggregate_id, name) VALUES (?, ?) "
                    + "ON CONFLICT (aggregate_id) DO UPDATE SET name = excluded.name", domain.getAggregateIdentifier(), named);
        }
        MetaData meta = message.getMetaData();
        writes.update("""
                INSERT INTO query.audit_events (global_index, agency_id, aggregate_type, aggregate_id, sequence,
                    event_type, occurred_at, actor_id, correlation_id, causation_id, ip, user_agent, summary)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (global_index) DO NOTHING""",
                GlobalIndex.of(message, token).orElseThrow(), agency, AggregateTypes.api(domain.getType()),
                domain.getAggregateIdentifier(), domain.getSequenceNumber(), message.getPayloadType().getSimpleName(),
                Timestamp.from(message.getTimestamp()), uuid(meta.get("userId")), text(meta.get("correlationId")),
                text(meta.get("causationId")), text(meta.get("clientIp")), text(meta.get("userAgent")), summary);
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE query.audit_events, query.audit_names");
    }

    private String name(Map<String, String> batch, String id) {
        return batch.computeIfAbsent(id, key -> jdbc.query("SELECT name FROM query.audit_names WHERE aggregate_id = ?",
                (rs, n) -> rs.getString(1), key).stream().findFirst().orElse(null));
    }

    private Map<String, String> names() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new HashMap<>();
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(NAMES, key -> new HashMap<>());
    }

    static UUID agencyOf(Object event, MetaData meta) {
        Method accessor = AGENCY_ACCESSORS.computeIfAbsent(event.getClass(), type -> {
            try {
                return type.getMethod("agencyId");
            } catch (NoSuchMethodException e) {
                return null;
            }
        });
        try {
            Object agency = accessor == null ? null : accessor.invoke(event);
            return agency != null ? uuid(agency) : uuid(meta.get("agencyId"));
        } catch (ReflectiveOperationException e) {
            return uuid(meta.get("agencyId"));
        }
    }

    private static UUID uuid(Object value) {
        if (value == null) return null;
        if (value instanceof UUID id) return id;
        try {
            return UUID.fromString(value.toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
