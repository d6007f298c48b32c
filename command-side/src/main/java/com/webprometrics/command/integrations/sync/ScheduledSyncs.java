package com.webprometrics.command.integrations.sync;

import com.webprometrics.platform.domain.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The process that re-syncs fetched integrations on their schedule ({@link SyncSchedule}). Every
 * {@code wpm.integrations.schedule-check} it takes due integrations one at a time, as many as the sync executor can
 * run: each is claimed (row-locked, so other instances skip it) and started in one transaction — the start's
 * events move it past the lease, and the fetch follows once that commits ({@link SyncLauncher}). A start the
 * integration refuses changes nothing and is left for the next round; each integration starts at most once a
 * round.
 */
@Component
public class ScheduledSyncs {
    private static final Logger log = LoggerFactory.getLogger(ScheduledSyncs.class);
    static final int BATCH = 20;

    private final SyncSchedule schedule;
    private final SyncService syncs;
    private final TransactionTemplate tx;
    private final Clock clock;

    ScheduledSyncs(SyncSchedule schedule, SyncService syncs, TransactionTemplate tx, Clock clock) {
        this.schedule = schedule;
        this.syncs = syncs;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${wpm.integrations.schedule-check}", initialDelayString = "${wpm.integrations.schedule-check}")
    void syncDueIntegrations() {
        runOnce();
    }

    /** @return how many due integrations were started */
    public int runOnce() {
        int room = Math.min(BATCH, syncs.freeCapacity());
        Set<UUID> taken = new HashSet<>();
        int started = 0;
        while (started < room) {
            Instant now = clock.instant();
            UUID[] claimed = new UUID[1];
            Optional<SyncSchedule.Due> due;
            try {
                due = tx.execute(status -> schedule.claimNext(now, taken).map(d -> {
                    claimed[0] = d.integrationId();
                    syncs.startScheduled(d.integrationId(), d.agencyId());
                    return d;
                }));
            } catch (DomainException e) {
                log.warn("Integration {} refused its scheduled sync ({}); it stays due", claimed[0], e.getMessage());
                taken.add(claimed[0]);
                continue;
            } catch (RuntimeException e) {
                log.warn("A due integration could not be started; it stays due", e);
                break;
            }
            if (due == null || due.isEmpty()) {
                break;
            }
            taken.add(due.get().integrationId());
            started++;
        }
        return started;
    }
}
