package com.webprometrics.command.integrations.oauth;

import com.webprometrics.command.integrations.IntegrationCommands.AuthorizeIntegration;
import com.webprometrics.command.integrations.IntegrationCommands.RecordAuthorizationFailure;
import com.webprometrics.command.integrations.ProviderProperties;
import com.webprometrics.command.integrations.IntegrationCredentials;
import com.webprometrics.command.integrations.sync.SyncService;
import com.webprometrics.command.infra.Commands;
import com.webprometrics.command.integrations.credentials.TokenVault;
import com.webprometrics.events.catalogue.ProviderInfo;
import com.webprometrics.platform.axon.MetadataKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The OAuth round trip of an integration. {@link #begin} makes an unguessable state (256 bits), a PKCE
 * verifier for Google (kept sealed), and a browser nonce that goes into a cookie scoped to the callback; only
 * hashes of state and nonce are stored, with the integration, the user and a ten-minute expiry.
 * {@link #complete} accepts the state once, only from the browser holding the nonce, exchanges the code,
 * stores the grant encrypted in the transaction of {@code IntegrationAuthorized}, starts the first sync and sends the
 * browser back to the client's page in the SPA. Events of the callback (which carries no access token) are
 * attributed to the user who started the flow.
 */
@Service
public class OAuthFlows {
    static final String COOKIE_PREFIX = "wpm_oauth_";
    private static final Logger log = LoggerFactory.getLogger(OAuthFlows.class);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final ProviderProperties properties;
    private final OAuthStates states;
    private final TokenVault vault;
    private final Grants grants;
    private final List<OAuthClient> clients;
    private final Commands commands;
    private final IntegrationCredentials credentials;
    private final TransactionTemplate tx;
    private final SyncService syncs;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    OAuthFlows(ProviderProperties properties, OAuthStates states, TokenVault vault, Grants grants,
               List<OAuthClient> clients, Commands commands, IntegrationCredentials credentials, TransactionTemplate tx,
               SyncService syncs, Clock clock) {
        this.properties = properties;
        this.states = states;
        this.vault = vault;
        this.grants = grants;
        this.clients = clients;
        this.commands = commands;
        this.credentials = credentials;
        this.tx = tx;
        this.syncs = syncs;
        this.clock = clock;
    }

    /** Where to send the user, and the browser-binding cookie to set on the way. */
    public record Started(URI authorizeUrl, String cookieName, String cookieValue, Duration cookieMaxAge) {
        @Override
        public String toString() {
            return "Started[cookieName=" + cookieName + "]";
        }
    }

    /** Where the callback sends the browser, and the flow's cookie to clear (null when unknown). */
    public record Finished(URI location, String cookieName) {
    }

    public Started begin(UUID integrationId, UUID agencyId, UUID clientId, UUID userId, String provider) {
        OAuthClient client = clientFor(provider);
        String state = secret();
        String nonce = secret();
        String verifier = client.usesPkce() ? secret() : null;
        byte[] sealedVerifier = verifier == null ? null
                : vault.seal(verifier.getBytes(StandardCharsets.US_ASCII), verifierContext(integrationId));
        Instant now = clock.instant();
        states.purgeExpiredBefore(now.minus(Duration.ofDays(1)));
        states.save(sha256(state), sha256(nonce), new OAuthStates.Pending(integrationId, agencyId, clientId, userId,
                provider, sealedVerifier, now.plus(properties.stateTtl())));
        String challenge = verifier == null ? null : B64.encodeToString(sha256(verifier));
        return new Started(client.authorizeUrl(provider, state, challenge), cookieName(state), nonce,
                properties.stateTtl());
    }

    /**
     * @param cookies the request's cookie values by name
     */
    public Finished complete(String code, String state, String error, String errorDescription,
                             Function<String, String> cookies) {
        if (state == null || state.isBlank() || state.length() > 200) {
            return new Finished(home("invalid_state"), null);
        }
        String cookieName = cookieName(state);
        String nonce = cookies.apply(cookieName);
        Optional<OAuthStates.Pending> found = nonce == null ? Optional.empty()
                : states.consume(sha256(state), sha256(nonce));
        if (found.isEmpty()) {
            log.info("OAuth callback with an unknown, used or foreign state refused");
            return new Finished(home("invalid_state"), cookieName);
        }
        OAuthStates.Pending pending = found.get();
        Map<String, String> actor = Map.of(MetadataKeys.USER_ID, pending.userId().toString(),
                MetadataKeys.AGENCY_ID, pending.agencyId().toString());
        if (pending.expiresAt().isBefore(clock.instant())) {
            return new Finished(clientPage(pending, "error", "expired_state"), cookieName);
        }
        String providerName = ProviderInfo.find(pending.provider()).map(ProviderInfo::name).orElse(pending.provider());
        if (error != null && !error.isBlank()) {
            String reason = "access_denied".equals(error) ? "access_denied" : "exchange_failed";
            String message = "access_denied".equals(error)
                    ? "Access was not granted at " + providerName + "; connect again to retry."
                    : providerName + " reported an authorization error (" + shorten(error) + ").";
            return failed(pending, actor, reason, message, cookieName);
        }
        if (code == null || code.isBlank()) {
            return failed(pending, actor, "exchange_failed", providerName + " sent no authorization code.", cookieName);
        }
        OAuthTokens tokens;
        try {
            String verifier = pending.sealedVerifier() == null ? null : new String(
                    vault.open(pending.sealedVerifier(), verifierContext(pending.integrationId())), StandardCharsets.US_ASCII);
            tokens = clientFor(pending.provider()).exchange(pending.provider(), code, verifier);
        } catch (AuthorizationFailed e) {
            return failed(pending, actor, e.reason(), e.getMessage(), cookieName);
        } catch (RuntimeException e) {
            log.warn("Exchanging the authorization code of integration {} failed: {}", pending.integrationId(),
                    e.getClass().getName());
            return failed(pending, actor, "exchange_failed", providerName + " could not be asked for the grant; "
                    + "connect again.", cookieName);
        }
        try {
            byte[] sealed = grants.seal(pending.integrationId(), tokens);
            tx.executeWithoutResult(status -> {
                send(new AuthorizeIntegration(pending.integrationId(), pending.agencyId(), tokens.scopes(),
                        tokens.refreshToken() == null ? tokens.expiresAt() : null), actor);
                credentials.save(pending.integrationId(), pending.agencyId(), pending.provider(), sealed);
            });
        } catch (RuntimeException e) {
            log.info("Authorization of integration {} not recorded: {}", pending.integrationId(), e.getMessage());
            return new Finished(clientPage(pending, "error", "integration_unavailable"), cookieName);
        }
        try {
            syncs.start(pending.integrationId(), pending.agencyId(), "connect", actor);
        } catch (RuntimeException e) {
            log.info("First sync of integration {} not started: {}", pending.integrationId(), e.getMessage());
        }
        return new Finished(clientPage(pending, "connected", null), cookieName);
    }

    /** Best effort, after a disconnect destroyed the stored grant. */
    public void revoke(String provider, OAuthTokens tokens) {
        clients.stream().filter(c -> c.serves(provider)).findFirst().ifPresent(c -> c.revoke(tokens));
    }

    public static String cookieName(String state) {
        return COOKIE_PREFIX + B64.encodeToString(sha256("cookie:" + state)).substring(0, 16);
    }

    private Finished failed(OAuthStates.Pending pending, Map<String, String> actor, String reason, String message,
                            String cookieName) {
        try {
            send(new RecordAuthorizationFailure(pending.integrationId(), pending.agencyId(), reason, message), actor);
        } catch (RuntimeException e) {
            log.info("Failed authorization of integration {} not recorded: {}", pending.integrationId(), e.getMessage());
        }
        return new Finished(clientPage(pending, "error", reason), cookieName);
    }

    private void send(Object command, Map<String, String> actor) {
        commands.send(command, actor);
    }

    private OAuthClient clientFor(String provider) {
        return clients.stream().filter(c -> c.serves(provider)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No OAuth client for " + provider));
    }

    private URI home(String reason) {
        return URI.create(properties.appOrigin() + "/?oauth=error&reason=" + reason);
    }

    private URI clientPage(OAuthStates.Pending pending, String outcome, String reason) {
        return URI.create(properties.appOrigin() + "/clients/" + pending.clientId() + "?integration="
                + pending.integrationId() + "&oauth=" + outcome + (reason == null ? "" : "&reason=" + reason));
    }

    private static String verifierContext(UUID integrationId) {
        return "pkce:" + integrationId;
    }

    private String secret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return B64.encodeToString(bytes);
    }

    private static String shorten(String text) {
        String safe = text.replaceAll("[^A-Za-z0-9_.\\- ]", "");
        return safe.length() > 60 ? safe.substring(0, 60) : safe;
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
