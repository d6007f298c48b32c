package com.webprometrics.command.auth;

import java.util.Optional;
import java.util.UUID;

/**
 * Secrets and sign-in facts kept outside the event store: password hashes, the e-mail registry that
 * makes e-mails unique under concurrent sign-ups, each user's current role and whether they may sign in.
 */
public interface CredentialStore {

    /** @throws EmailAlreadyRegistered if any user already has this e-mail (case-insensitive). */
    void register(UUID userId, UUID agencyId, String email, String passwordHash, Role role);

    Optional<Credentials> findByEmail(String email);

    Optional<Credentials> findByUserId(UUID userId);

    boolean emailTaken(String email);

    void changeRole(UUID userId, Role role);

    void deactivate(UUID userId);

    record Credentials(UUID userId, UUID agencyId, String email, String passwordHash, Role role, boolean active) {
    }
}
