package com.webprometrics.events.auth;

import java.util.UUID;

/** The user's password was set or changed. The hash lives in the credential store, never here. */
public record UserCredentialsChanged(UUID userId, UUID agencyId, String reason) {
}
