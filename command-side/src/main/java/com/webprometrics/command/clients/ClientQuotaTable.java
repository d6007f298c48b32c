package com.webprometrics.command.clients;

import com.webprometrics.command.infra.tables.CommandTables;
import com.webprometrics.command.infra.tables.EventFedTable;
import com.webprometrics.events.auth.AgencyRegistered;
import com.webprometrics.events.clients.ClientArchived;
import com.webprometrics.events.clients.ClientCreated;
import com.webprometrics.events.clients.ClientRestored;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * {@code command.client_quota}: per agency its plan's client limit and how many clients are active. The check
 * row-locks the agency's row ({@code FOR UPDATE}), so racing creates of one agency take turns; the count moves with
 * the events, in the same transaction.
 */
@Component
@ProcessingGroup(CommandTables.GROUP)
class ClientQuotaTable implements ClientQuota, EventFedTable {
    private final JdbcTemplate jdbc;

    ClientQuotaTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> tables() {
        return List.of("command.client_quota");
    }

    @Override
    public void requireRoom(UUID agencyId) {
        List<Boolean> room = jdbc.queryForList("SELECT active_clients < client_limit FROM command.client_quota "
                + "WHERE agency_id = ? FOR UPDATE", Boolean.class, agencyId);
        if (room.isEmpty() || !room.get(0)) {
            throw ClientRejection.LIMIT_REACHED.get();
        }
    }

    @EventHandler
    void on(AgencyRegistered event) {
        jdbc.update("INSERT INTO command.client_quota (agency_id, client_limit) VALUES (?, ?)", event.agencyId(),
                event.clientLimit());
    }

    @EventHandler
    void on(ClientCreated event) {
        count(event.agencyId(), 1);
    }

    @EventHandler
    void on(ClientRestored event) {
        count(event.agencyId(), 1);
    }

    @EventHandler
    void on(ClientArchived event) {
        count(event.agencyId(), -1);
    }

    private void count(UUID agencyId, int delta) {
        jdbc.update("UPDATE command.client_quota SET active_clients = active_clients + ? WHERE agency_id = ?", delta,
                agencyId);
    }
}
