package com.webprometrics.events.auth;

import java.util.UUID;

/** An operator on the machine gave the user the platform role OPS ({@code ./wpm ops grant}); {@code by} names them. */
public record OpsRoleGranted(UUID userId, UUID agencyId, String by) {
}
