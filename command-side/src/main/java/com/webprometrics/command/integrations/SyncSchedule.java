package com.webprometrics.command.integrations;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * When fetched integrations are next due for a scheduled sync (the command side's own table). Written in
 * the transactions of the commands that decide it: connect/authorize add the row, a starting sync leases it
 * (due again after {@link Integration#STALE_AFTER}, so a sync whose process died is retried), a finished or
 * failed sync sets the next due time, disconnect removes it.
 */
public interface SyncSchedule {

    /** Adds the integration if it is not scheduled yet. */
    void add(UUID integrationId, UUID agencyId, Instant firstDue);

    void remove(UUID integrationId);

    /** Moves a scheduled integration's next due time; nothing for an unscheduled one. */
    void setNextDue(UUID integrationId, Instant nextDue);

    /**
     * Takes up to {@code limit} integrations due at {@code now} and leases each one until {@code leaseUntil}
     * in the same statement, so no other instance takes them too.
     */
    List<Due> claimDue(Instant now, Instant leaseUntil, int limit);

    record Due(UUID integrationId, UUID agencyId) {
    }
}
