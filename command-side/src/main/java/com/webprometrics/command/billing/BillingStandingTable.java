package com.webprometrics.command.billing;

import com.webprometrics.command.infra.tables.CommandTables;
import com.webprometrics.command.infra.tables.EventFedTable;
import com.webprometrics.events.billing.PeriodStarted;
import com.webprometrics.events.billing.SubscriptionCanceled;
import com.webprometrics.events.billing.SubscriptionReactivated;
import com.webprometrics.events.billing.SubscriptionSuspended;
import com.webprometrics.events.billing.TrialStarted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code command.billing_standing}: whether each agency's subscription lets it write. Only suspension and
 * cancellation take that away ({@link UnpaidWrites}); past due still writes while the retries run.
 */
@Component
@ProcessingGroup(CommandTables.GROUP)
class BillingStandingTable implements EventFedTable {
    private final JdbcTemplate jdbc;

    BillingStandingTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The subscription and its status when the agency may not write, else empty. */
    Optional<Standing> blocked(UUID agencyId) {
        return jdbc.query("SELECT subscription_id, status FROM command.billing_standing WHERE agency_id = ? "
                        + "AND status <> 'ok'", (rs, n) -> new Standing(rs.getObject(1, UUID.class), rs.getString(2)),
                agencyId).stream().findFirst();
    }

    record Standing(UUID subscriptionId, String status) {
    }

    @Override
    public List<String> tables() {
        return List.of("command.billing_standing");
    }

    @EventHandler
    void on(TrialStarted event) {
        set(event.agencyId(), event.subscriptionId(), "ok");
    }

    @EventHandler
    void on(PeriodStarted event) {
        set(event.agencyId(), event.subscriptionId(), "ok");
    }

    @EventHandler
    void on(SubscriptionReactivated event) {
        set(event.agencyId(), event.subscriptionId(), "ok");
    }

    @EventHandler
    void on(SubscriptionSuspended event) {
        set(event.agencyId(), event.subscriptionId(), "suspended");
    }

    @EventHandler
    void on(SubscriptionCanceled event) {
        set(event.agencyId(), event.subscriptionId(), "canceled");
    }

    private void set(UUID agency, UUID subscription, String status) {
        jdbc.update("""
                INSERT INTO command.billing_standing (agency_id, subscription_id, status) VALUES (?, ?, ?)
                ON CONFLICT (agency_id) DO UPDATE SET status = excluded.status""", agency, subscription, status);
    }
}
