package com.webprometrics.command.clients;

import java.util.UUID;

/**
 * Whether an agency may have one more active client under its plan. Asked in the command's transaction and holding
 * the agency's count until it commits, so the limit holds even when many creates race; the count itself follows
 * from the events ({@link ClientQuotaTable}).
 */
public interface ClientQuota {

    /** @throws com.webprometrics.platform.domain.DomainException {@link ClientRejection#LIMIT_REACHED} when every slot is taken */
    void requireRoom(UUID agencyId);

    /** Whether the agency's active count fits {@code limit} (a plan it would move to); true for an unlimited agency. */
    boolean fits(UUID agencyId, int limit);
}
