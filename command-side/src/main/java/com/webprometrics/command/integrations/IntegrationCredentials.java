package com.webprometrics.command.integrations;

import java.util.Optional;
import java.util.UUID;

/**
 * The credential store: one sealed (encrypted, see {@code credentials.TokenVault}) grant per integration,
 * outside the event store. Writes run in the caller's transaction.
 */
public interface IntegrationCredentials {

    /** Stores or replaces the integration's sealed grant. */
    void save(UUID integrationId, UUID agencyId, String provider, byte[] sealed);

    Optional<byte[]> find(UUID integrationId);

    /**
     * Replaces the sealed grant of an integration that still has one (a refreshed access token); never
     * brings back credentials a disconnect destroyed meanwhile.
     *
     * @return whether a row was replaced
     */
    boolean replace(UUID integrationId, byte[] sealed);

    /** Destroys the grant (the row is deleted). */
    void delete(UUID integrationId);
}
