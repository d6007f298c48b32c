package com.webprometrics.command.billing;

import com.webprometrics.command.billing.SubscriptionCommands.StartTrial;
import com.webprometrics.command.infra.Commands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Agencies that signed up before subscriptions existed get the trial every new agency gets, starting the first time
 * a command side with billing starts (after the command tables' rebuild): the agencies with a client quota but no
 * seat quota, i.e. no {@code TrialStarted}. Several instances may race; the event store lets one trial per agency in.
 */
@Component
public class LegacyTrials {
    private static final Logger log = LoggerFactory.getLogger(LegacyTrials.class);

    private final JdbcTemplate jdbc;
    private final Commands commands;
    private final BillingProperties billing;
    private final Clock clock;

    LegacyTrials(JdbcTemplate jdbc, Commands commands, BillingProperties billing, Clock clock) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.billing = billing;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    public void startMissingTrials() {
        List<UUID> agencies = jdbc.queryForList("""
                SELECT q.agency_id FROM command.client_quota q
                WHERE NOT EXISTS (SELECT 1 FROM command.seat_quota s WHERE s.agency_id = q.agency_id)""", UUID.class);
        int started = 0;
        for (UUID agency : agencies) {
            Instant now = clock.instant();
            try {
                commands.send(new StartTrial(SubscriptionIds.of(agency), agency, billing.defaultPlan(),
                        billing.defaultTerms(), now, now.plus(billing.trial())));
                started++;
            } catch (RuntimeException e) {
                log.info("no trial started for agency {} (another instance may have): {}", agency, e.toString());
            }
        }
        if (started > 0) {
            log.info("started the trial of {} agencies that signed up before subscriptions", started);
        }
        scheduleUnscheduled();
    }

    /**
     * Subscriptions from before the renewal process have never had a step scheduled: running one schedules it. Those
     * the renewal process already follows (an association) are left out in one query; one it has not reached yet is
     * asked too, and appends nothing (its step is scheduled already).
     */
    private void scheduleUnscheduled() {
        java.util.Set<String> followed = new java.util.HashSet<>(jdbc.queryForList(
                "SELECT association_value FROM command.association_value_entry WHERE association_key = 'subscriptionId'",
                String.class));
        for (UUID agency : jdbc.queryForList("SELECT agency_id FROM command.seat_quota", UUID.class)) {
            UUID subscription = SubscriptionIds.of(agency);
            if (!followed.contains(subscription.toString())) {
                try {
                    commands.send(new SubscriptionCommands.RunBillingStep(subscription));
                } catch (RuntimeException e) {
                    log.info("the billing step of subscription {} is not scheduled yet: {}", subscription, e.toString());
                }
            }
        }
    }
}
