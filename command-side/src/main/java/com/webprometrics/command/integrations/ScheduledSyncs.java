package com.webprometrics.command.integrations;

import com.webprometrics.platform.domain.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Re-syncs every fetched integration every {@code wpm.integrations.sync-interval} (default 6 h). Each tick
 * claims the due integrations in one statement (several instances never take the same one), then syncs
 * them one by one; a refused start (a sync already running, the integration disconnected) is skipped.
 */
@Component
class ScheduledSyncs {
    private static final Logger log = LoggerFactory.getLogger(ScheduledSyncs.class);
    private static final int BATCH = 20;

    private final SyncSchedule schedule;
    private final SyncService syncs;
    private final Clock clock;
    private final Duration interval;

    ScheduledSyncs(SyncSchedule schedule, SyncService syncs, Clock clock,
                   @Value("${wpm.integrations.sync-interval}") Duration interval) {
        this.schedule = schedule;
        this.syncs = syncs;
        this.clock = clock;
        this.interval = interval;
    }

    @Scheduled(fixedDelayString = "${wpm.integrations.schedule-check}", initialDelayString = "${wpm.integrations.schedule-check}")
    void syncDueIntegrations() {
        runOnce();
    }

    /** @return how many integrations were due */
    int runOnce() {
        Instant now = clock.instant();
        List<SyncSchedule.Due> due = schedule.claimDue(now, now.plus(interval), BATCH);
        for (SyncSchedule.Due integration : due) {
            try {
                syncs.requestSync(integration.integrationId(), integration.agencyId(), "schedule");
            } catch (DomainException e) {
                log.info("Scheduled sync of {} skipped: {}", integration.integrationId(), e.getMessage());
            } catch (RuntimeException e) {
                log.warn("Scheduled sync of {} failed", integration.integrationId(), e);
            }
        }
        return due.size();
    }
}
