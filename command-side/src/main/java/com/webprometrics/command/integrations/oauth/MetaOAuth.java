package com.webprometrics.command.integrations.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.webprometrics.command.integrations.ProviderFailure;
import com.webprometrics.command.integrations.ProviderProperties;
import com.webprometrics.command.integrations.http.ProviderHttp;
import com.webprometrics.command.integrations.http.Verdict;
import com.webprometrics.events.catalogue.ProviderInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Facebook Login, manual server-side flow (wire-format reference §3): the code is exchanged for a
 * short-lived user token, which is exchanged at once for a long-lived one (~60 days). Meta issues no refresh
 * token: when the long-lived token expires or is revoked, the integration must be reconnected.
 */
@Component
public class MetaOAuth implements OAuthClient {
    static final String SCOPE = "ads_read";
    private static final Logger log = LoggerFactory.getLogger(MetaOAuth.class);
    private static final String NAME = "Meta";

    private final ProviderProperties properties;
    private final ProviderProperties.Meta meta;
    private final ProviderHttp interactive;
    private final Clock clock;

    public MetaOAuth(ProviderProperties properties, @Qualifier("interactiveProviderHttp") ProviderHttp interactive, Clock clock) {
        this.properties = properties;
        this.meta = properties.meta();
        this.interactive = interactive;
        this.clock = clock;
    }

    @Override
    public boolean serves(String provider) {
        return ProviderInfo.META_ADS.equals(provider);
    }

    @Override
    public boolean usesPkce() {
        return false;
    }

    @Override
    public URI authorizeUrl(String provider, String state, String codeChallenge) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", meta.appId());
        params.put("redirect_uri", properties.redirectUri().toString());
        params.put("state", state);
        params.put("response_type", "code");
        params.put("scope", SCOPE);
        return Forms.withQuery(URI.create(meta.dialogUrl() + "/" + meta.apiVersion() + "/dialog/oauth"), params);
    }

    @Override
    public OAuthTokens exchange(String provider, String code, String codeVerifier) {
        try {
            Map<String, String> first = new LinkedHashMap<>();
            first.put("client_id", meta.appId());
            first.put("redirect_uri", properties.redirectUri().toString());
            first.put("client_secret", meta.appSecret());
            first.put("code", code);
            String shortLived = token(get(first)).path("access_token").asText();

            Map<String, String> second = new LinkedHashMap<>();
            second.put("grant_type", "fb_exchange_token");
            second.put("client_id", meta.appId());
            second.put("client_secret", meta.appSecret());
            second.put("fb_exchange_token", shortLived);
            JsonNode longLived = token(get(second));
            String token = longLived.path("access_token").asText();
            Instant expiresAt = longLived.hasNonNull("expires_in")
                    ? clock.instant().plusSeconds(longLived.get("expires_in").asLong()) : null;
            requireAdsRead(token);
            return new OAuthTokens(token, null, expiresAt, List.of(SCOPE));
        } catch (ProviderFailure e) {
            throw new AuthorizationFailed("exchange_failed", "Meta did not accept the authorization: " + e.getMessage());
        }
    }

    @Override
    public void revoke(OAuthTokens tokens) {
        try {
            URI uri = Forms.withQuery(graph("/me/permissions"), withProof(tokens.accessToken(), new LinkedHashMap<>()));
            ProviderHttp.Answer answer = interactive.exchange(NAME, () -> HttpRequest.newBuilder(uri).DELETE().build(),
                    a -> a.status() >= 500 ? Verdict.of(Verdict.Kind.TRANSIENT, null) : Verdict.ok());
            log.info("Meta answered {} to removing the app's permissions", answer.status());
        } catch (RuntimeException e) {
            log.info("Removing the app's permissions at Meta failed ({}); the stored credentials are destroyed anyway",
                    e.getClass().getSimpleName());
        }
    }

    /**
     * The user may untick {@code ads_read} in the dialog. When Meta lists the permissions, a declined
     * {@code ads_read} fails the connect; if the list cannot be read, the first sync will tell.
     */
    private void requireAdsRead(String token) {
        ProviderHttp.Answer answer;
        try {
            URI uri = Forms.withQuery(graph("/me/permissions"), withProof(token, new LinkedHashMap<>()));
            answer = interactive.exchange(NAME, () -> HttpRequest.newBuilder(uri).GET().build(), MetaErrors::verdict);
        } catch (ProviderFailure e) {
            return;
        }
        JsonNode data = GoogleOAuth.parse(answer.body()).path("data");
        if (!data.isArray() || data.isEmpty()) {
            return;
        }
        for (JsonNode permission : data) {
            if (SCOPE.equals(permission.path("permission").asText()) && "granted".equals(permission.path("status").asText())) {
                return;
            }
        }
        throw new AuthorizationFailed("missing_scope", "The permission ads_read was not granted; connect again and allow "
                + "access to the ad account's insights.");
    }

    /** {@code access_token} and {@code appsecret_proof} (HMAC-SHA256 of the token with the app secret, hex) for a Graph call. */
    public Map<String, String> withProof(String accessToken, Map<String, String> params) {
        params.put("access_token", accessToken);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(meta.appSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            params.put("appsecret_proof", HexFormat.of().formatHex(mac.doFinal(accessToken.getBytes(StandardCharsets.UTF_8))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return params;
    }

    /** A Graph API URL of the configured host and version, e.g. {@code /act_1/insights}. */
    public URI graph(String path) {
        return URI.create(meta.graphUrl() + "/" + meta.apiVersion() + path);
    }

    private HttpRequest get(Map<String, String> params) {
        return HttpRequest.newBuilder(Forms.withQuery(graph("/oauth/access_token"), params)).GET().build();
    }

    private JsonNode token(HttpRequest request) {
        ProviderHttp.Answer answer = interactive.exchange(NAME, () -> request, MetaErrors::verdict);
        JsonNode body = GoogleOAuth.parse(answer.body());
        if (!body.hasNonNull("access_token")) {
            throw new ProviderFailure(ProviderFailure.PROVIDER, "Meta answered without an access token.");
        }
        return body;
    }
}
