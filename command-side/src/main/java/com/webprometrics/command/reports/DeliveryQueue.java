package com.webprometrics.command.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Requested deliveries waiting to be sent (the command side's own table), claimed by one worker at a time. */
public interface DeliveryQueue {

    void enqueue(Pending delivery);

    void delivered(UUID deliveryId);

    /** Try again at {@code nextAttemptAt}, or never when it is null. */
    void failed(UUID deliveryId, Instant nextAttemptAt);

    /** The report was deleted: what has not gone out yet never will. */
    void cancelFor(UUID reportId);

    /**
     * Takes up to {@code limit} deliveries due at {@code now}, counts the attempt and hides them until
     * {@code leaseUntil} in one statement: several instances never take the same one, and one whose worker died
     * mid-way is taken again once the lease ends.
     */
    List<Claimed> claim(Instant now, Instant leaseUntil, int limit);

    record Pending(UUID deliveryId, UUID reportId, UUID agencyId, String title, String format,
                   List<String> recipients, LocalDate asOf) {
    }

    record Claimed(Pending delivery, int attempt) {
    }
}
