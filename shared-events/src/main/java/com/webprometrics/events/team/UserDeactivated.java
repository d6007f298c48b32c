package com.webprometrics.events.team;

import java.util.UUID;

public record UserDeactivated(UUID userId, UUID agencyId) {
}
