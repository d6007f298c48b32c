package com.webprometrics.command.support;

import com.webprometrics.command.auth.CredentialStore;
import com.webprometrics.command.auth.EmailAlreadyRegistered;
import com.webprometrics.command.auth.Role;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A credential store for aggregate fixtures; the JDBC one is exercised by the integration tests. */
public class InMemoryCredentials implements CredentialStore {
    private final Map<UUID, Credentials> byId = new HashMap<>();

    @Override
    public void register(UUID userId, UUID agencyId, String email, String passwordHash, Role role) {
        if (emailTaken(email)) {
            throw new EmailAlreadyRegistered();
        }
        byId.put(userId, new Credentials(userId, agencyId, email, passwordHash, role, true));
    }

    @Override
    public Optional<Credentials> findByEmail(String email) {
        return byId.values().stream().filter(c -> c.email().equalsIgnoreCase(email)).findFirst();
    }

    @Override
    public Optional<Credentials> findByUserId(UUID userId) {
        return Optional.ofNullable(byId.get(userId));
    }

    @Override
    public boolean emailTaken(String email) {
        return findByEmail(email).isPresent();
    }

    @Override
    public void changeRole(UUID userId, Role role) {
        Credentials c = byId.get(userId);
        byId.put(userId, new Credentials(c.userId(), c.agencyId(), c.email(), c.passwordHash(), role, c.active()));
    }

    @Override
    public void deactivate(UUID userId) {
        Credentials c = byId.get(userId);
        byId.put(userId, new Credentials(c.userId(), c.agencyId(), c.email(), c.passwordHash(), c.role(), false));
    }
}
