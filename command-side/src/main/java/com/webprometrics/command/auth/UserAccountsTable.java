package com.webprometrics.command.auth;

import com.webprometrics.command.infra.tables.CommandTables;
import com.webprometrics.command.infra.tables.EventFedTable;
import com.webprometrics.events.auth.OpsRoleGranted;
import com.webprometrics.events.auth.OpsRoleRevoked;
import com.webprometrics.events.auth.UserRegistered;
import com.webprometrics.events.team.UserDeactivated;
import com.webprometrics.events.team.UserRoleChanged;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * {@code command.user_accounts}: each user's agency, role, whether they hold the platform role OPS and whether they may
 * sign in, as the events say.
 */
@Component
@ProcessingGroup(CommandTables.GROUP)
class UserAccountsTable implements EventFedTable {
    private final JdbcTemplate jdbc;

    UserAccountsTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> tables() {
        return List.of("command.user_accounts");
    }

    @EventHandler
    void on(UserRegistered event) {
        jdbc.update("INSERT INTO command.user_accounts (user_id, agency_id, email, role) VALUES (?, ?, ?, ?)",
                event.userId(), event.agencyId(), event.email(), event.role());
    }

    @EventHandler
    void on(UserRoleChanged event) {
        jdbc.update("UPDATE command.user_accounts SET role = ? WHERE user_id = ?", event.role(), event.userId());
    }

    @EventHandler
    void on(OpsRoleGranted event) {
        jdbc.update("UPDATE command.user_accounts SET ops = TRUE WHERE user_id = ?", event.userId());
    }

    @EventHandler
    void on(OpsRoleRevoked event) {
        jdbc.update("UPDATE command.user_accounts SET ops = FALSE WHERE user_id = ?", event.userId());
    }

    @EventHandler
    void on(UserDeactivated event) {
        jdbc.update("UPDATE command.user_accounts SET active = FALSE WHERE user_id = ?", event.userId());
    }
}
