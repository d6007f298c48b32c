package com.webprometrics.command.support;

import com.webprometrics.command.integrations.ConnectedAccounts;
import com.webprometrics.command.integrations.IntegrationCredentials;
import com.webprometrics.command.integrations.SyncSchedule;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The schedule, credential and account ports in memory, for aggregate fixtures (the JDBC ones are tested against PostgreSQL). */
public final class InMemoryIntegrationPorts implements SyncSchedule, IntegrationCredentials, ConnectedAccounts {
    public final Map<UUID, Instant> due = new HashMap<>();
    public final Map<UUID, byte[]> credentials = new HashMap<>();
    public final Map<UUID, String> accounts = new HashMap<>();

    @Override
    public boolean claim(UUID integrationId, UUID clientId, String provider, String account) {
        String key = clientId + "/" + provider + "/" + account;
        if (accounts.containsValue(key)) {
            return false;
        }
        accounts.put(integrationId, key);
        return true;
    }

    @Override
    public void release(UUID integrationId) {
        accounts.remove(integrationId);
    }

    @Override
    public void add(UUID integrationId, UUID agencyId, Instant firstDue) {
        due.putIfAbsent(integrationId, firstDue);
    }

    @Override
    public void remove(UUID integrationId) {
        due.remove(integrationId);
    }

    @Override
    public void setNextDue(UUID integrationId, Instant nextDue) {
        due.computeIfPresent(integrationId, (id, old) -> nextDue);
    }

    @Override
    public List<Due> claimDue(Instant now, Instant leaseUntil, int limit) {
        throw new UnsupportedOperationException("claims are tested against PostgreSQL");
    }

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
