package com.webprometrics.command.reports;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The command side's table of scheduled reports and when each is next due. */
public interface ReportSchedules {

    /** Schedules (or re-schedules) the report: next due at the next Monday / 1st at the delivery hour in {@code timeZone}. */
    void put(UUID reportId, UUID agencyId, String frequency, String timeZone);

    void remove(UUID reportId);

    /**
     * Takes the earliest due report (due at {@code now}) that no other transaction holds, moves its next run to the
     * following occurrence, and answers it. Must run inside a transaction, which holds the row until it ends.
     */
    Optional<Due> claimNextDue(Instant now);

    record Due(UUID reportId, UUID agencyId, String frequency, String timeZone, Instant dueAt) {
    }
}
