package com.webprometrics.platform.axon;

import java.util.Collection;

import org.springframework.jdbc.core.JdbcTemplate;

/** What the event store holds at a glance: its newest global index, and whether positions hold committed events. */
public class EventStoreHead {
    private final JdbcTemplate jdbc;

    public EventStoreHead(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The global index of the newest committed event (0 when the store is empty): read models that reached it reflect everything before. */
    public long position() {
        Long head = jdbc.queryForObject("SELECT max(global_index) FROM " + AxonPostgresAutoConfiguration.EVENT_TABLE,
                Long.class);
        return head == null ? 0 : head;
    }

    /** Whether any of these global indexes holds a committed event. */
    public boolean anyCommitted(Collection<Long> positions) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM "
                        + AxonPostgresAutoConfiguration.EVENT_TABLE + " WHERE global_index = ANY (?))",
                Boolean.class, (Object) positions.toArray(Long[]::new)));
    }
}
