package com.webprometrics.events.auth;

import com.webprometrics.events.PersonalData;

import java.util.UUID;

/** A user joined an agency, at signup (OWNER) or by accepting an invitation ({@code invitationId} set). */
public record UserRegistered(UUID userId, UUID agencyId, @PersonalData(subject = "user", id = "userId") String email,
                             @PersonalData(subject = "user", id = "userId") String name, String role, UUID invitationId) {
}
