package com.webprometrics.websecurity;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers tokens that already passed full validation, until they expire. A signed-in user sends the
 * same access token with every request; checking its RS256 signature and decoding its base64 again
 * each time was about half the CPU of a query (JFR, docs/benchmarks.md). Only exact token strings that
 * the delegate accepted are remembered, so a changed character is validated from scratch; a cached
 * token is refused from its {@code exp} on (no clock-skew grace). Bounded: the cache is emptied when full.
 */
public final class CachingJwtDecoder implements JwtDecoder {
    private final JwtDecoder delegate;
    private final Clock clock;
    private final int maxEntries;
    private final Map<String, Jwt> valid = new ConcurrentHashMap<>();

    public CachingJwtDecoder(JwtDecoder delegate, Clock clock, int maxEntries) {
        this.delegate = delegate;
        this.clock = clock;
        this.maxEntries = maxEntries;
    }

    public CachingJwtDecoder(JwtDecoder delegate) {
        this(delegate, Clock.systemUTC(), 50_000);
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt cached = valid.get(token);
        if (cached != null) {
            if (cached.getExpiresAt() != null && clock.instant().isBefore(cached.getExpiresAt())) {
                return cached;
            }
            valid.remove(token);
        }
        Jwt jwt = delegate.decode(token);
        if (jwt.getExpiresAt() != null) {
            if (valid.size() >= maxEntries) {
                valid.clear();
            }
            valid.put(token, jwt);
        }
        return jwt;
    }
}
