package com.webprometrics.command.team;

import java.util.UUID;

/**
 * Whether an agency may have one more active member under its plan: asked before an invitation is issued. Accepting
 * one takes the seat for good, or fails when racing acceptances took the last ones ({@link SeatQuotaTable}).
 */
public interface SeatQuota {

    /** @throws com.webprometrics.platform.domain.DomainException {@link TeamRejection#SEAT_LIMIT_REACHED} when every seat is taken */
    void requireRoom(UUID agencyId);

    /** Whether the agency's active count fits {@code limit} (a plan it would move to); true for an unlimited agency. */
    boolean fits(UUID agencyId, int limit);
}
