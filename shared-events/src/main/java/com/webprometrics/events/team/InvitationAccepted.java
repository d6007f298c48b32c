package com.webprometrics.events.team;

import java.util.UUID;

public record InvitationAccepted(UUID invitationId, UUID agencyId, UUID userId) {
}
