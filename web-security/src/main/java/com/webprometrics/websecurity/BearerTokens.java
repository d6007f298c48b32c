package com.webprometrics.websecurity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads the bearer token from {@code Authorization} the way every hop does, without Spring's case-insensitive regex,
 * which ran over the whole 900-character token on every request (13% of a command's CPU, docs/benchmarks.md):
 * scheme {@code Bearer} in any case, then one word; no token in query parameters or form bodies. On public endpoints
 * (sign-in and the like) a token is ignored, so a stale one sent along never blocks signing in again.
 */
public final class BearerTokens implements BearerTokenResolver {
    private static final String SCHEME = "bearer ";
    private final Predicate<HttpServletRequest> ignored;

    private BearerTokens(Predicate<HttpServletRequest> ignored) {
        this.ignored = ignored;
    }

    /** @param paths exact request paths where a token is ignored */
    public static BearerTokens ignoringOn(Set<String> paths) {
        Set<String> exact = Set.copyOf(paths);
        return new BearerTokens(request -> exact.contains(request.getRequestURI()));
    }

    public static BearerTokens ignoring(Predicate<HttpServletRequest> requests) {
        return new BearerTokens(requests);
    }

    @Override
    public String resolve(HttpServletRequest request) {
        if (ignored.test(request)) {
            return null;
        }
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length() - 1)) {
            return null;
        }
        String token = header.length() >= SCHEME.length() && header.charAt(SCHEME.length() - 1) == ' '
                ? header.substring(SCHEME.length()) : "";
        if (!wellFormed(token)) {
            BearerTokenError error = BearerTokenErrors.invalidToken("Bearer token is malformed");
            throw new OAuth2AuthenticationException(error);
        }
        return token;
    }

    /**
     * Not empty and one word. The characters themselves are left to the decoder, which refuses anything that is not a
     * token it signed: scanning 900 characters on every request cost 2–4% of a hop's CPU (docs/benchmarks.md).
     */
    static boolean wellFormed(String token) {
        return !token.isEmpty() && token.indexOf(' ') < 0;
    }
}
