package com.webprometrics.command.clients;

import java.util.UUID;

/**
 * How many active clients an agency may have under its plan. Reservations happen in the command's own
 * transaction, so the limit holds even when many creates race.
 */
public interface ClientQuota {

    void open(UUID agencyId, int clientLimit);

    /** @throws ClientLimitReached when every slot is taken */
    void reserve(UUID agencyId);

    void release(UUID agencyId);
}
