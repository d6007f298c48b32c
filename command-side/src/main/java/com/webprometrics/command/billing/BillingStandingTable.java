package com.webprometrics.command.billing;

import com.webprometrics.command.infra.tables.CommandTables;
import com.webprometrics.command.infra.tables.EventFedTable;
import com.webprometrics.events.billing.PeriodStarted;
import com.webprometrics.events.billing.SubscriptionCanceled;
import com.webprometrics.events.billing.SubscriptionReactivated;
import com.webprometrics.events.billing.SubscriptionSuspended;
import com.webprometrics.events.billing.TrialStarted;
import com.webprometrics.platform.web.ProblemException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * {@code command.billing_standing}: whether each agency's subscription lets it write. Only suspension and
 * cancellation take that away; past due still writes while the retries run.
 */
@Component
@ProcessingGroup(CommandTables.GROUP)
class BillingStandingTable implements BillingStanding, EventFedTable {
    private final JdbcTemplate jdbc;

    BillingStandingTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void requireGoodStanding(UUID agencyId) {
        jdbc.query("SELECT subscription_id, status FROM command.billing_standing WHERE agency_id = ? AND status <> 'ok'",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    boolean suspended = rs.getString(2).equals("suspended");
                    throw new ProblemException(HttpStatus.PAYMENT_REQUIRED,
                            suspended ? "subscription-suspended" : "subscription-canceled",
                            suspended ? "Subscription suspended" : "Subscription canceled",
                            "Subscription " + rs.getObject(1, UUID.class) + " is " + rs.getString(2) + ": the agency "
                                    + "can read, export and pay (/api/subscriptions), and make no other change until "
                                    + (suspended ? "the open invoice is paid." : "it is resumed."));
                }, agencyId);
    }

    @Override
    public boolean isCanceled(UUID agencyId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM command.billing_standing "
                + "WHERE agency_id = ? AND status = 'canceled')", Boolean.class, agencyId));
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
