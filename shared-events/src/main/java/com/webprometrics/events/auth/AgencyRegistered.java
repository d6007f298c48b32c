package com.webprometrics.events.auth;

import java.util.UUID;

/**
 * An agency (tenant) signed up; {@code ownerUserId} is registered in the same transaction. The plan and
 * its client limit are recorded so the limit can be rebuilt from the event store.
 */
public record AgencyRegistered(UUID agencyId, String name, UUID ownerUserId, String plan, int clientLimit,
                               String timeZone) {
}
