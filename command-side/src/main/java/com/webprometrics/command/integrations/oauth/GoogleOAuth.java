package com.webprometrics.command.integrations.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webprometrics.command.integrations.ProviderFailure;
import com.webprometrics.command.integrations.ProviderProperties;
import com.webprometrics.command.integrations.http.ProviderHttp;
import com.webprometrics.command.integrations.http.Verdict;
import com.webprometrics.events.catalogue.ProviderInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Google OAuth 2.0 for web-server apps (wire-format reference §2): one client for GA4, Google Ads and Search
 * Console, each asking only for its own read scope; offline access with forced consent so a refresh token
 * comes back on every connect, PKCE S256, and granted scopes checked on the way back.
 */
@Component
public class GoogleOAuth implements OAuthClient {
    static final Map<String, String> SCOPES = Map.of(
            ProviderInfo.GA4, "https://www.googleapis.com/auth/analytics.readonly",
            ProviderInfo.GOOGLE_ADS, "https://www.googleapis.com/auth/adwords",
            ProviderInfo.SEARCH_CONSOLE, "https://www.googleapis.com/auth/webmasters.readonly");
    private static final Logger log = LoggerFactory.getLogger(GoogleOAuth.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NAME = "Google";

    private final ProviderProperties properties;
    private final ProviderProperties.Google google;
    private final ProviderHttp interactive;
    private final ProviderHttp background;
    private final Clock clock;

    public GoogleOAuth(ProviderProperties properties, @Qualifier("interactiveProviderHttp") ProviderHttp interactive,
                ProviderHttp background, Clock clock) {
        this.properties = properties;
        this.google = properties.google();
        this.interactive = interactive;
        this.background = background;
        this.clock = clock;
    }

    @Override
    public boolean serves(String provider) {
        return SCOPES.containsKey(provider);
    }

    @Override
    public boolean usesPkce() {
        return true;
    }

    @Override
    public URI authorizeUrl(String provider, String state, String codeChallenge) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", google.clientId());
        params.put("redirect_uri", properties.redirectUri().toString());
        params.put("response_type", "code");
        params.put("scope", SCOPES.get(provider));
        params.put("access_type", "offline");
        params.put("prompt", "consent");
        params.put("state", state);
        params.put("code_challenge", codeChallenge);
        params.put("code_challenge_method", "S256");
        return Forms.withQuery(google.authorizeUrl(), params);
    }

    @Override
    public OAuthTokens exchange(String provider, String code, String codeVerifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("code", code);
        form.put("client_id", google.clientId());
        form.put("client_secret", google.clientSecret());
        form.put("redirect_uri", properties.redirectUri().toString());
        form.put("grant_type", "authorization_code");
        form.put("code_verifier", codeVerifier);
        ProviderHttp.Answer answer;
        try {
            answer = interactive.exchange(NAME, () -> post(google.tokenUrl(), form), GoogleOAuth::tokenVerdict);
        } catch (ProviderFailure e) {
            throw new AuthorizationFailed("exchange_failed", "Google did not accept the authorization: " + e.getMessage());
        }
        OAuthTokens tokens = tokens(answer, null);
        String required = SCOPES.get(provider);
        if (!tokens.scopes().contains(required)) {
            throw new AuthorizationFailed("missing_scope", "The permission to read " + describe(provider)
                    + " was not granted; connect again and allow it.");
        }
        if (tokens.refreshToken() == null) {
            throw new AuthorizationFailed("missing_refresh_token", "Google granted no offline access; connect again.");
        }
        return tokens;
    }

    /**
     * A new access token for a stored refresh token, during a sync (retried like any provider call).
     *
     * @throws ProviderFailure {@code auth} when Google says {@code invalid_grant}: the grant was revoked or expired
     */
    public OAuthTokens refresh(OAuthTokens current) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", current.refreshToken());
        form.put("client_id", google.clientId());
        form.put("client_secret", google.clientSecret());
        ProviderHttp.Answer answer = background.exchange(NAME, () -> post(google.tokenUrl(), form),
                GoogleOAuth::tokenVerdict);
        if (answer.status() == 401) {
            throw new ProviderFailure(ProviderFailure.PROVIDER, "Google refused this server's OAuth client "
                    + "(invalid_client); check WPM_GOOGLE_CLIENT_ID and WPM_GOOGLE_CLIENT_SECRET.");
        }
        OAuthTokens fresh = tokens(answer, current);
        return fresh;
    }

    @Override
    public void revoke(OAuthTokens tokens) {
        String token = tokens.refreshToken() != null ? tokens.refreshToken() : tokens.accessToken();
        try {
            ProviderHttp.Answer answer = interactive.exchange(NAME, () -> post(google.revokeUrl(), Map.of("token", token)),
                    a -> a.status() >= 500 ? Verdict.of(Verdict.Kind.TRANSIENT, null) : Verdict.ok());
            log.info("Google answered {} to revoking a grant", answer.status());
        } catch (RuntimeException e) {
            log.info("Revoking a grant at Google failed ({}); the stored credentials are destroyed anyway",
                    e.getClass().getSimpleName());
        }
    }

    /** The token endpoint's answers: invalid_grant means the grant is gone; 401 invalid_client is ours to fix. */
    static Verdict tokenVerdict(ProviderHttp.Answer answer) {
        int status = answer.status();
        if (status >= 200 && status < 300) {
            return Verdict.ok();
        }
        JsonNode body = parse(answer.body());
        String error = body.path("error").asText("");
        String description = body.path("error_description").asText("");
        String message = error.isEmpty() ? "HTTP " + status : error + (description.isEmpty() ? "" : " (" + description + ")");
        if ("invalid_grant".equals(error)) {
            return Verdict.of(Verdict.Kind.AUTH_REVOKED, message);
        }
        if (status == 401) {
            return Verdict.of(Verdict.Kind.AUTH_EXPIRED, message);
        }
        if (status == 429) {
            return Verdict.of(Verdict.Kind.RATE_LIMITED, message);
        }
        if (status >= 500) {
            return Verdict.of(Verdict.Kind.TRANSIENT, message);
        }
        return Verdict.of(Verdict.Kind.PERMANENT, message);
    }

    private OAuthTokens tokens(ProviderHttp.Answer answer, OAuthTokens previous) {
        JsonNode body = parse(answer.body());
        String access = body.path("access_token").asText(null);
        if (access == null || access.isEmpty()) {
            throw new ProviderFailure(ProviderFailure.PROVIDER, "Google's token endpoint answered without an access token.");
        }
        String refresh = body.hasNonNull("refresh_token") ? body.get("refresh_token").asText()
                : previous == null ? null : previous.refreshToken();
        List<String> scopes = body.hasNonNull("scope")
                ? Arrays.stream(body.get("scope").asText().split("\\s+")).filter(s -> !s.isEmpty()).toList()
                : previous == null ? List.of() : previous.scopes();
        long expiresIn = body.path("expires_in").asLong(3600);
        return new OAuthTokens(access, refresh, clock.instant().plusSeconds(expiresIn), scopes);
    }

    private static HttpRequest post(URI uri, Map<String, String> form) {
        return HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Forms.encode(form)))
                .build();
    }

    static JsonNode parse(String body) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : JSON.readTree(body);
            return node == null ? JSON.createObjectNode() : node;
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String describe(String provider) {
        return ProviderInfo.find(provider).map(ProviderInfo::name).orElse(provider);
    }
}
