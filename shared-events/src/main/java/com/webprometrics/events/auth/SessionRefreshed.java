package com.webprometrics.events.auth;

import java.util.UUID;

/** The family's refresh token was rotated; only {@code generation} is valid from now on. */
public record SessionRefreshed(UUID sessionId, UUID userId, UUID agencyId, int generation) {
}
