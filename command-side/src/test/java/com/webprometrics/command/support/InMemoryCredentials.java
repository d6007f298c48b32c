package com.webprometrics.command.support;

import com.webprometrics.command.auth.AuthRejection;
import com.webprometrics.command.auth.CredentialStore;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The e-mail registry for aggregate fixtures (invitations ask it); the JDBC store is exercised against PostgreSQL. */
public class InMemoryCredentials implements CredentialStore {
    private final Map<UUID, String> emails = new HashMap<>();

    @Override
    public void register(UUID userId, String email, String passwordHash) {
        if (emailTaken(email)) {
            throw AuthRejection.EMAIL_TAKEN.get();
        }
        emails.put(userId, email);
    }

    @Override
    public Optional<Credentials> findByEmail(String email) {
        return Optional.empty();
    }

    @Override
    public Optional<Credentials> findByUserId(UUID userId) {
        return Optional.empty();
    }

    @Override
    public boolean emailTaken(String email) {
        return emails.values().stream().anyMatch(e -> e.equalsIgnoreCase(email));
    }

    @Override
    public void replacePasswordHash(UUID userId, String passwordHash) {
    }
}
