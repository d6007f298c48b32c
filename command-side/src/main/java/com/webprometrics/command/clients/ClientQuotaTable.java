package com.webprometrics.command.clients;

import com.webprometrics.command.infra.tables.CommandTables;
import com.webprometrics.command.infra.tables.EventFedTable;
import com.webprometrics.events.auth.AgencyRegistered;
import com.webprometrics.events.billing.PlanChanged;
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
 * {@code command.client_quota}: per agency its plan's client limit and how many clients are active. The check before
 * a create or restore reads without a lock and refuses the usual case; the count moves with the events, in the
 * command's transaction, by an {@code UPDATE} that only counts while there is room — so of racing commands of one
 * agency, those that would pass the limit are refused there, and the agency's row stays locked only from the count to
 * the commit (a {@code SELECT … FOR UPDATE} before the command held it for the whole command: 4.4 ms of waiting per
 * create at 32 connections, docs/benchmarks.md).
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
                + "WHERE agency_id = ?", Boolean.class, agencyId);
        if (room.isEmpty() || !room.get(0)) {
            throw ClientRejection.LIMIT_REACHED.get();
        }
    }

    @Override
    public boolean fits(UUID agencyId, int limit) {
        List<Boolean> fit = jdbc.queryForList("SELECT active_clients <= ? FROM command.client_quota WHERE agency_id = ?",
                Boolean.class, limit, agencyId);
        return fit.isEmpty() || fit.get(0);
    }

    @EventHandler
    void on(AgencyRegistered event) {
        jdbc.update("INSERT INTO command.client_quota (agency_id, client_limit) VALUES (?, ?)", event.agencyId(),
                event.clientLimit());
    }

    /** A plan whose limit is below the agency's active clients is refused (the row's lock orders it with creates). */
    @EventHandler
    void on(PlanChanged event) {
        int changed = jdbc.update("UPDATE command.client_quota SET client_limit = ? WHERE agency_id = ? "
                + "AND active_clients <= ?", event.clientLimit(), event.agencyId(), event.clientLimit());
        if (changed == 0) {
            throw ClientRejection.TOO_MANY_FOR_PLAN.get();
        }
    }

    @EventHandler
    void on(ClientCreated event) {
        take(event.agencyId());
    }

    @EventHandler
    void on(ClientRestored event) {
        take(event.agencyId());
    }

    @EventHandler
    void on(ClientArchived event) {
        jdbc.update("UPDATE command.client_quota SET active_clients = active_clients - 1 WHERE agency_id = ?",
                event.agencyId());
    }

    /** Counts one more active client, or refuses (rolling the command back) when a racing command took the last room. */
    private void take(UUID agencyId) {
        int counted = jdbc.update("UPDATE command.client_quota SET active_clients = active_clients + 1 "
                + "WHERE agency_id = ? AND active_clients < client_limit", agencyId);
        if (counted == 0) {
            throw ClientRejection.LIMIT_REACHED.get();
        }
    }
}
