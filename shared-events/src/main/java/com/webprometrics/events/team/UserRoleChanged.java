package com.webprometrics.events.team;

import java.util.UUID;

public record UserRoleChanged(UUID userId, UUID agencyId, String previousRole, String role) {
}
