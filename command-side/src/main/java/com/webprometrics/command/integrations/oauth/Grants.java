package com.webprometrics.command.integrations.oauth;

import com.webprometrics.command.integrations.IntegrationCredentials;
import com.webprometrics.command.integrations.ProviderFailure;
import com.webprometrics.command.integrations.credentials.TokenVault;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Access tokens for connectors, from the encrypted credential store. A Google token with less than
 * {@link #REFRESH_MARGIN} left is refreshed before use, and once more when the API still answers 401; the
 * refreshed grant is sealed back. A sync holds the integration's only running sync, so refreshes of one
 * integration never race.
 */
@Component
public class Grants {
    static final Duration REFRESH_MARGIN = Duration.ofSeconds(60);

    private final IntegrationCredentials store;
    private final TokenVault vault;
    private final GoogleOAuth google;
    private final Clock clock;

    public Grants(IntegrationCredentials store, TokenVault vault, GoogleOAuth google, Clock clock) {
        this.store = store;
        this.vault = vault;
        this.google = google;
        this.clock = clock;
    }

    /** @throws ProviderFailure {@code auth} when there is no usable grant */
    public String accessToken(UUID integrationId) {
        OAuthTokens tokens = load(integrationId);
        boolean expiring = tokens.expiresAt() != null
                && tokens.expiresAt().minus(REFRESH_MARGIN).isBefore(clock.instant());
        if (!expiring) {
            return tokens.accessToken();
        }
        if (tokens.refreshToken() == null) {
            // Meta: a long-lived token that ran out cannot be renewed, only reconnected
            if (tokens.expiresAt().isBefore(clock.instant())) {
                throw ProviderFailure.authorizationLost();
            }
            return tokens.accessToken();
        }
        return refresh(integrationId, tokens).accessToken();
    }

    /** After a 401: a fresh access token, or {@code auth} when the grant cannot give one. */
    public String refreshedAccessToken(UUID integrationId) {
        OAuthTokens tokens = load(integrationId);
        if (tokens.refreshToken() == null) {
            throw ProviderFailure.authorizationLost();
        }
        return refresh(integrationId, tokens).accessToken();
    }

    /** The stored grant for a best-effort revoke, or empty when there is none (or it cannot be read). */
    public Optional<OAuthTokens> peek(UUID integrationId) {
        try {
            return store.find(integrationId).map(sealed -> OAuthTokens.fromBytes(vault.open(integrationId, sealed)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    public byte[] seal(UUID integrationId, OAuthTokens tokens) {
        return vault.seal(integrationId, tokens.toBytes());
    }

    private OAuthTokens load(UUID integrationId) {
        byte[] sealed = store.find(integrationId).orElseThrow(ProviderFailure::authorizationLost);
        try {
            return OAuthTokens.fromBytes(vault.open(integrationId, sealed));
        } catch (IllegalStateException e) {
            throw ProviderFailure.authorizationLost();
        }
    }

    private OAuthTokens refresh(UUID integrationId, OAuthTokens tokens) {
        OAuthTokens fresh = google.refresh(tokens);
        if (!store.replace(integrationId, seal(integrationId, fresh))) {
            throw new ProviderFailure(ProviderFailure.PROVIDER, "The integration was disconnected during the sync.");
        }
        return fresh;
    }
}
