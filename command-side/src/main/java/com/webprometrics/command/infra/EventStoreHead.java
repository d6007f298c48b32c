package com.webprometrics.command.infra;

import com.webprometrics.platform.axon.AxonPostgresAutoConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The event store's highest global index right now: read models that reached it reflect everything before. */
@Component
public class EventStoreHead {
    private final JdbcTemplate jdbc;

    EventStoreHead(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long position() {
        Long head = jdbc.queryForObject("SELECT max(global_index) FROM " + AxonPostgresAutoConfiguration.EVENT_TABLE,
                Long.class);
        return head == null ? 0 : head;
    }
}
