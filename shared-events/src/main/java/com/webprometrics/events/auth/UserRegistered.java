package com.webprometrics.events.auth;

import java.util.UUID;

/** A user joined an agency, at signup (OWNER) or by accepting an invitation ({@code invitationId} set). */
public record UserRegistered(UUID userId, UUID agencyId, String email, String name, String role, UUID invitationId) {
}
