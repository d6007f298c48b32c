package com.webprometrics.command.auth;

import java.util.Optional;
import java.util.UUID;

/**
 * Password hashes, kept outside the event store, and the e-mail registry that makes e-mails unique under concurrent
 * sign-ups. Who the user is in the agency (role, active) comes from the events ({@link UserAccountsTable}).
 */
public interface CredentialStore {

    /** Claims the e-mail for the user and keeps the password hash. @throws com.webprometrics.platform.domain.DomainException {@link AuthRejection#EMAIL_TAKEN} if taken. */
    void register(UUID userId, String email, String passwordHash);

    Optional<Credentials> findByEmail(String email);

    Optional<Credentials> findByUserId(UUID userId);

    boolean emailTaken(String email);

    /** Replaces the user's password hash (a new password, or the same one hashed with today's settings). */
    void replacePasswordHash(UUID userId, String passwordHash);

    /** @param ops whether an operator granted the user the platform role OPS */
    record Credentials(UUID userId, UUID agencyId, String email, String passwordHash, Role role, boolean active,
                       boolean ops) {
    }
}
