package com.webprometrics.platform.security;

import com.webprometrics.websecurity.BearerTokens;
import com.webprometrics.websecurity.ProblemWriter;
import com.webprometrics.websecurity.TokenRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import com.webprometrics.websecurity.CachingJwtAuthentication;

import java.time.Duration;
import java.util.Set;

/**
 * The resource-server settings both services share: stateless, bearer JWTs only (read by {@link BearerTokens}),
 * the token rules and role authorities every hop applies ({@link TokenRules}), and problem+json for 401/403. Each
 * service adds the role matrix and its own path rules.
 */
public final class ResourceServerSecurity {
    public static final String AUDIENCE = TokenRules.AUDIENCE;

    private ResourceServerSecurity() {
    }

    /**
     * @param publicEndpoints paths (exact, e.g. {@code /api/auth/login}) where a bearer token is ignored
     *                        rather than checked, so a stale token sent along never blocks signing in again
     */
    public static HttpSecurity apply(HttpSecurity http, JwtDecoder decoder, String... publicEndpoints) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .oauth2ResourceServer(rs -> rs
                        .bearerTokenResolver(BearerTokens.ignoringOn(Set.of(publicEndpoints)))
                        .jwt(jwt -> jwt.authenticationManager(CachingJwtAuthentication.of(decoder)))
                        .authenticationEntryPoint((req, res, e) -> ProblemWriter.write(req, res, 401, "unauthorized",
                                "Unauthorized", "A valid access token is required."))
                        .accessDeniedHandler((req, res, e) -> ProblemWriter.write(req, res, 403, "forbidden", "Forbidden",
                                "Your role does not allow this action.")))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((req, res, e) -> ProblemWriter.write(req, res, 401, "unauthorized",
                                "Unauthorized", "A valid access token is required."))
                        .accessDeniedHandler((req, res, e) -> ProblemWriter.write(req, res, 403, "forbidden", "Forbidden",
                                "Your role does not allow this action.")));
    }

    /** The token rules of every hop, with a minute of clock skew between the services. */
    public static OAuth2TokenValidator<Jwt> validator(String issuer) {
        return TokenRules.validator(issuer, Duration.ofSeconds(60));
    }
}
