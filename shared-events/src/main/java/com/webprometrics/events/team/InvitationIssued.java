package com.webprometrics.events.team;

import com.webprometrics.events.PersonalData;

import java.time.Instant;
import java.util.UUID;

/** Someone was invited to join the agency. The one-time token lives only in the credential store. */
public record InvitationIssued(UUID invitationId, UUID agencyId,
                               @PersonalData(subject = "invitation", id = "invitationId") String email, String role, UUID invitedBy,
                               Instant expiresAt) {
}
