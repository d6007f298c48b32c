package com.webprometrics.command.integrations;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** When fetched integrations are next due for a scheduled sync (the command side's own table). */
public interface SyncSchedule {

    void add(UUID integrationId, UUID agencyId, Instant firstDue);

    void remove(UUID integrationId);

    /**
     * Takes up to {@code limit} integrations due at {@code now} and moves each one's next sync to
     * {@code nextDue} in the same statement, so no other instance takes them too.
     */
    List<Due> claimDue(Instant now, Instant nextDue, int limit);

    record Due(UUID integrationId, UUID agencyId) {
    }
}
