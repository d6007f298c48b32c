package com.webprometrics.query.audit;

import com.webprometrics.platform.web.ProblemException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An aggregate's history and its state as of an instant, folded from its events in the event store (never from a
 * snapshot, which may have been taken later). Another agency's aggregate, or one of another type, is not found.
 */
@Component
class AggregateHistory {
    private final JdbcTemplate jdbc;
    private final StoredJson json;
    private final PeopleNames people;

    AggregateHistory(JdbcTemplate jdbc, StoredJson json, PeopleNames people) {
        this.jdbc = jdbc;
        this.json = json;
        this.people = people;
    }

    record Entry(long position, long sequence, String type, String summary, Instant timestamp,
                 AuditQueries.Actor actor, Map<String, AggregateFold.Change> changes, Map<String, Object> stateAfter) {
    }

    record StateAt(Instant at, long sequence, Map<String, Object> state) {
    }

    private record Stored(long position, long sequence, String type, Instant timestamp, Map<String, Object> payload,
                          UUID actorId, String actorName, String actorEmail, String summary) {
    }

    List<Entry> history(UUID agencyId, String type, String aggregateId) {
        List<Stored> events = load(agencyId, type, aggregateId);
        var names = people.resolver(agencyId, events.stream().map(e -> Objects.requireNonNullElse(e.summary(), "")).toList());
        AggregateFold fold = new AggregateFold();
        List<Entry> entries = new ArrayList<>(events.size());
        for (Stored event : events) {
            Map<String, AggregateFold.Change> changes = fold.apply(event.type(), event.payload());
            AuditQueries.Actor actor = event.actorId() == null ? null
                    : new AuditQueries.Actor(event.actorId(), event.actorName(), event.actorEmail());
            String summary = AuditQueries.withActor(actor, names.apply(Objects.requireNonNullElse(event.summary(),
                    AuditSummaries.words(event.type()))));
            entries.add(new Entry(event.position(), event.sequence(), event.type(), summary, event.timestamp(), actor,
                    changes, fold.state()));
        }
        return entries;
    }

    StateAt stateAt(UUID agencyId, String type, String aggregateId, Instant at) {
        AggregateFold fold = new AggregateFold();
        long sequence = -1;
        for (Stored event : load(agencyId, type, aggregateId)) {
            if (event.timestamp().isAfter(at)) {
                break;
            }
            fold.apply(event.type(), event.payload());
            sequence = event.sequence();
        }
        if (sequence < 0) {
            throw ProblemException.notFound("The " + type + " as of " + at);
        }
        return new StateAt(at, sequence, fold.state());
    }

    private List<Stored> load(UUID agencyId, String type, String aggregateId) {
        String stored = AggregateTypes.stored(type).orElseThrow(() -> ProblemException.notFound("The " + type));
        List<Stored> events = jdbc.query("""
                SELECT e.global_index, e.sequence_number, e.payload_type, e.time_stamp, e.payload, a.actor_id,
                       u.name, u.email, a.summary, a.agency_id
                FROM event_store.domain_event_entry e
                LEFT JOIN query.audit_events a ON a.global_index = e.global_index
                LEFT JOIN query.users_view u ON u.user_id = a.actor_id
                WHERE e.aggregate_identifier = ? AND e.type = ?
                ORDER BY e.sequence_number""", (rs, n) -> {
            Map<String, Object> payload = json.read(rs.getBytes(5));
            if (!agencyId.toString().equals(String.valueOf(payload.get("agencyId")))) {
                return null;
            }
            String payloadType = rs.getString(3);
            return new Stored(rs.getLong(1), rs.getLong(2), payloadType.substring(payloadType.lastIndexOf('.') + 1),
                    Instant.parse(rs.getString(4)), payload, rs.getObject(6, UUID.class), rs.getString(7),
                    rs.getString(8), rs.getString(9));
        }, aggregateId, stored);
        if (events.isEmpty() || events.contains(null)) {
            throw ProblemException.notFound("The " + type);
        }
        return events;
    }
}
