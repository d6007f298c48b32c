package com.webprometrics.command.infra;

import com.webprometrics.platform.axon.AxonPostgresAutoConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * The global position a just-committed command produced. An aggregate's events are appended in order,
 * so the highest global index of its stream after the command is at or after the command's own last
 * event: waiting for it is always enough to read your own write.
 */
@Component
public class EventPositions {
    private static final String SQL = "SELECT coalesce(max(global_index), 0) FROM "
            + AxonPostgresAutoConfiguration.EVENT_TABLE + " WHERE aggregate_identifier = ?";
    private final JdbcTemplate jdbc;

    public EventPositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long of(UUID aggregateId) {
        Long position = jdbc.queryForObject(SQL, Long.class, aggregateId.toString());
        return position == null ? 0 : position;
    }

    public CommandResult result(UUID aggregateId) {
        return new CommandResult(aggregateId, of(aggregateId));
    }
}
