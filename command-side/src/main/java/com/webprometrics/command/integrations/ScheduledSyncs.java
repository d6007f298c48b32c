package com.webprometrics.command.integrations;

import com.webprometrics.platform.domain.DomainException;
import com.webprometrics.platform.web.ProblemException;
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
 * claims as many due integrations as the sync executor can take, in one statement that leases them for
 * {@link Integration#STALE_AFTER} (several instances never take the same one, and a claim whose process dies
 * is taken again after the lease), then starts their syncs. A finished or failed sync sets the next due time.
 * A refused start is handled by why: a sync still running keeps its lease (it finishes, or goes stale and is
 * superseded); a disconnected or unknown integration leaves the schedule; anything else (waiting for
 * authorization, reconnect needed) is due again after the interval.
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

    /** @return how many integrations were due and claimed */
    int runOnce() {
        int room = Math.min(BATCH, syncs.freeCapacity());
        if (room == 0) {
            return 0;
        }
        Instant now = clock.instant();
        List<SyncSchedule.Due> due = schedule.claimDue(now, now.plus(Integration.STALE_AFTER), room);
        for (SyncSchedule.Due integration : due) {
            try {
                syncs.start(integration.integrationId(), integration.agencyId(), "schedule");
            } catch (DomainException e) {
                refused(integration, e, now);
            } catch (ProblemException e) {
                log.info("Scheduled sync of {} not started: {}", integration.integrationId(), e.getMessage());
            } catch (RuntimeException e) {
                log.warn("Scheduled sync of {} failed to start", integration.integrationId(), e);
            }
        }
        return due.size();
    }

    private void refused(SyncSchedule.Due integration, DomainException e, Instant now) {
        log.info("Scheduled sync of {} skipped: {}", integration.integrationId(), e.getMessage());
        if (Integration.SYNC_RUNNING.equals(e.title())) {
            return;
        }
        if (e.kind() == DomainException.Kind.NOT_FOUND || Integration.DISCONNECTED.equals(e.title())) {
            schedule.remove(integration.integrationId());
        } else {
            schedule.setNextDue(integration.integrationId(), now.plus(interval));
        }
    }
}
