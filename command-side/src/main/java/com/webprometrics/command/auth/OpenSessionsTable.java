package com.webprometrics.command.auth;

import com.webprometrics.command.infra.tables.CommandTables;
import com.webprometrics.command.infra.tables.EventFedTable;
import com.webprometrics.events.auth.SessionEnded;
import com.webprometrics.events.auth.SessionStarted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/** {@code command.open_sessions}: the refresh families of each user that have not ended, as the events say. */
@Component
@ProcessingGroup(CommandTables.GROUP)
class OpenSessionsTable implements EventFedTable {
    private final JdbcTemplate jdbc;

    OpenSessionsTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> tables() {
        return List.of("command.open_sessions");
    }

    @EventHandler
    void on(SessionStarted event) {
        jdbc.update("INSERT INTO command.open_sessions (session_id, user_id) VALUES (?, ?)", event.sessionId(),
                event.userId());
    }

    @EventHandler
    void on(SessionEnded event) {
        jdbc.update("DELETE FROM command.open_sessions WHERE session_id = ?", event.sessionId());
    }

    List<UUID> of(UUID userId) {
        return jdbc.queryForList("SELECT session_id FROM command.open_sessions WHERE user_id = ?", UUID.class, userId);
    }
}
