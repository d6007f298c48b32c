package com.webprometrics.query.audit;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The auditor's search over {@code query.audit_events}: the agency's own events, newest first, keyset-paged. */
@Component
class AuditQueries {
    private final NamedParameterJdbcTemplate jdbc;
    private final StoredJson json;
    private final PeopleNames people;

    AuditQueries(NamedParameterJdbcTemplate jdbc, StoredJson json, PeopleNames people) {
        this.jdbc = jdbc;
        this.json = json;
        this.people = people;
    }

    record Filter(String aggregateType, String aggregateId, String eventType, UUID actor, String correlationId,
                  Instant from, Instant to, Long after, int limit) {
    }

    record Actor(UUID userId, String name, String email) {
    }

    record AuditEvent(long position, String aggregateType, String aggregateId, long sequence, String type,
                      String summary, Instant timestamp, Actor actor, String correlationId, String causationId,
                      String ip, String userAgent, Map<String, Object> payload) {
        AuditEvent withSummary(String text) {
            return new AuditEvent(position, aggregateType, aggregateId, sequence, type, text, timestamp, actor,
                    correlationId, causationId, ip, userAgent, payload);
        }
    }

    record Found(List<AuditEvent> events, String next) {
    }

    Found search(UUID agencyId, Filter filter) {
        StringBuilder sql = new StringBuilder("""
                SELECT a.global_index, a.aggregate_type, a.aggregate_id, a.sequence, a.event_type, a.summary,
                       a.occurred_at, a.actor_id, u.name AS actor_name, u.email AS actor_email, a.correlation_id,
                       a.causation_id, a.ip, a.user_agent, e.payload
                FROM query.audit_events a
                JOIN event_store.domain_event_entry e ON e.global_index = a.global_index
                LEFT JOIN query.users_view u ON u.user_id = a.actor_id
                WHERE a.agency_id = :agency""");
        MapSqlParameterSource params = new MapSqlParameterSource("agency", agencyId);
        condition(sql, params, "a.aggregate_type = :type", "type", filter.aggregateType());
        condition(sql, params, "a.aggregate_id = :aggregate", "aggregate", filter.aggregateId());
        condition(sql, params, "a.event_type = :eventType", "eventType", filter.eventType());
        condition(sql, params, "a.actor_id = :actor", "actor", filter.actor());
        condition(sql, params, "a.correlation_id = :correlation", "correlation", filter.correlationId());
        condition(sql, params, "a.occurred_at >= :from", "from", filter.from() == null ? null : Timestamp.from(filter.from()));
        condition(sql, params, "a.occurred_at < :to", "to", filter.to() == null ? null : Timestamp.from(filter.to()));
        condition(sql, params, "a.global_index < :after", "after", filter.after());
        sql.append(" ORDER BY a.global_index DESC LIMIT :limit");
        params.addValue("limit", filter.limit());
        List<AuditEvent> found = jdbc.query(sql.toString(), params, this::event);
        var names = people.resolver(agencyId, found.stream().map(AuditEvent::summary).toList());
        List<AuditEvent> events = found.stream().map(e -> e.withSummary(names.apply(e.summary()))).toList();
        String next = events.size() == filter.limit() ? String.valueOf(events.get(events.size() - 1).position()) : null;
        return new Found(events, next);
    }

    List<String> eventTypes(UUID agencyId) {
        return jdbc.queryForList("""
                WITH RECURSIVE types AS (
                    (SELECT event_type FROM query.audit_events WHERE agency_id = :agency ORDER BY event_type LIMIT 1)
                    UNION ALL
                    SELECT (SELECT event_type FROM query.audit_events
                            WHERE agency_id = :agency AND event_type > t.event_type ORDER BY event_type LIMIT 1)
                    FROM types t WHERE t.event_type IS NOT NULL)
                SELECT event_type FROM types WHERE event_type IS NOT NULL""",
                new MapSqlParameterSource("agency", agencyId), String.class);
    }

    private AuditEvent event(ResultSet rs, int n) throws SQLException {
        UUID actorId = rs.getObject("actor_id", UUID.class);
        Actor actor = actorId == null ? null : new Actor(actorId, rs.getString("actor_name"), rs.getString("actor_email"));
        String summary = rs.getString("summary");
        return new AuditEvent(rs.getLong("global_index"), rs.getString("aggregate_type"), rs.getString("aggregate_id"),
                rs.getLong("sequence"), rs.getString("event_type"), withActor(actor, summary),
                rs.getTimestamp("occurred_at").toInstant(), actor, rs.getString("correlation_id"),
                rs.getString("causation_id"), rs.getString("ip"), rs.getString("user_agent"),
                json.read(rs.getBytes("payload")));
    }

    /** "Dana Lee renamed client …"; events no one in the agency caused (deadlines, the provider) read "System …". */
    static String withActor(Actor actor, String summary) {
        String who = actor == null ? "System" : actor.name() != null ? actor.name() : "User " + actor.userId();
        return who + " " + summary;
    }

    private static void condition(StringBuilder sql, MapSqlParameterSource params, String clause, String name,
                                  Object value) {
        if (value != null) {
            sql.append(" AND ").append(clause);
            params.addValue(name, value);
        }
    }
}
