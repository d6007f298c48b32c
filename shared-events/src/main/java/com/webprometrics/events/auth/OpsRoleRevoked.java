package com.webprometrics.events.auth;

import java.util.UUID;

/** An operator on the machine took the platform role OPS back ({@code ./wpm ops revoke}). */
public record OpsRoleRevoked(UUID userId, UUID agencyId, String by) {
}
