package com.webprometrics.events.auth;

import java.util.UUID;

/** An agency (tenant) signed up; {@code ownerUserId} is registered in the same transaction. */
public record AgencyRegistered(UUID agencyId, String name, UUID ownerUserId, String plan, String timeZone) {
}
