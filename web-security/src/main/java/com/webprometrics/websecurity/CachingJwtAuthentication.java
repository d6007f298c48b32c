package com.webprometrics.websecurity;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Authenticates bearer tokens by the {@link TokenRules} and remembers each accepted token's authentication until the
 * token expires. A signed-in user sends the same access token with every request: checking its RS256 signature and
 * decoding its base64 again each time was about half the CPU of a query, and turning the checked token into an
 * authentication (claims to roles, Spring Security's provider manager and its events) another tenth of the gateway's
 * (JFR, docs/benchmarks.md). Only exact token strings the rules accepted are remembered, so a changed character is
 * checked from scratch; a remembered token is refused from its {@code exp} on (no clock-skew grace). The remembered
 * authentication carries no request details (they would be another request's). Bounded: emptied when full.
 */
public final class CachingJwtAuthentication implements AuthenticationManager {
    private final AuthenticationProvider provider;
    private final Clock clock;
    private final int maxEntries;
    private final Map<String, JwtAuthenticationToken> valid = new ConcurrentHashMap<>();

    CachingJwtAuthentication(AuthenticationProvider provider, Clock clock, int maxEntries) {
        this.provider = provider;
        this.clock = clock;
        this.maxEntries = maxEntries;
    }

    /** Tokens the decoder accepts (signature, algorithm and its validator), with roles as {@link TokenRules#authorities()}. */
    public static CachingJwtAuthentication of(JwtDecoder decoder) {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(TokenRules.authorities());
        return new CachingJwtAuthentication(provider, Clock.systemUTC(), 50_000);
    }

    @Override
    public Authentication authenticate(Authentication request) throws AuthenticationException {
        if (!(request instanceof BearerTokenAuthenticationToken bearer)) {
            throw new ProviderNotFoundException("Only bearer tokens are accepted");
        }
        String token = bearer.getToken();
        JwtAuthenticationToken known = valid.get(token);
        if (known != null) {
            if (clock.instant().isBefore(known.getToken().getExpiresAt())) {
                return known;
            }
            valid.remove(token);
        }
        Authentication result = provider.authenticate(bearer);
        if (result instanceof JwtAuthenticationToken jwt) {
            Instant expiresAt = jwt.getToken().getExpiresAt();
            if (expiresAt != null) {
                jwt.setDetails(null);
                if (valid.size() >= maxEntries) {
                    valid.clear();
                }
                valid.put(token, jwt);
            }
        }
        return result;
    }
}
