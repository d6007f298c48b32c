package com.webprometrics.command.support;

import com.webprometrics.command.integrations.IntegrationCredentials;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Sealed grants in memory, for connector tests; the JDBC store is tested against PostgreSQL. */
public final class InMemoryIntegrationCredentials implements IntegrationCredentials {
    public final Map<UUID, byte[]> credentials = new HashMap<>();

    @Override
    public void save(UUID integrationId, UUID agencyId, String provider, byte[] sealed) {
        credentials.put(integrationId, sealed);
    }

    @Override
    public Optional<byte[]> find(UUID integrationId) {
        return Optional.ofNullable(credentials.get(integrationId));
    }

    @Override
    public boolean replace(UUID integrationId, byte[] sealed) {
        return credentials.computeIfPresent(integrationId, (id, old) -> sealed) != null;
    }

    @Override
    public void delete(UUID integrationId) {
        credentials.remove(integrationId);
    }
}
