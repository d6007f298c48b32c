package com.webprometrics.platform.security;

import com.webprometrics.platform.web.CorrelationIdFilter;
import com.webprometrics.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The resource-server settings both services share: stateless, bearer JWTs only, roles from the
 * {@code roles} claim, and problem+json for 401/403. Each service adds its own path rules.
 */
public final class ResourceServerSecurity {
    public static final String AUDIENCE = "webprometrics-api";

    private ResourceServerSecurity() {
    }

    /**
     * @param publicEndpoints paths (exact, e.g. {@code /api/auth/login}) where a bearer token is ignored
     *                        rather than checked, so a stale token sent along never blocks signing in again
     */
    public static HttpSecurity apply(HttpSecurity http, String... publicEndpoints) throws Exception {
        DefaultBearerTokenResolver bearer = new DefaultBearerTokenResolver();
        Set<String> ignored = Set.of(publicEndpoints);
        BearerTokenResolver resolver = request -> ignored.contains(request.getRequestURI()) ? null : bearer.resolve(request);
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .oauth2ResourceServer(rs -> rs
                        .bearerTokenResolver(resolver)
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesConverter()))
                        .authenticationEntryPoint((req, res, e) -> write(req, res, 401, "unauthorized", "Unauthorized",
                                "A valid access token is required."))
                        .accessDeniedHandler((req, res, e) -> write(req, res, 403, "forbidden", "Forbidden",
                                "Your role does not allow this action.")))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((req, res, e) -> write(req, res, 401, "unauthorized", "Unauthorized",
                                "A valid access token is required."))
                        .accessDeniedHandler((req, res, e) -> write(req, res, 403, "forbidden", "Forbidden",
                                "Your role does not allow this action.")));
    }

    /** exp/nbf, issuer and audience: the checks every service applies to every token. */
    public static OAuth2TokenValidator<Jwt> validator(String issuer) {
        OAuth2TokenValidator<Jwt> audience = jwt -> jwt.getAudience() != null && jwt.getAudience().contains(AUDIENCE)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "Wrong audience", null));
        OAuth2TokenValidator<Jwt> claims = jwt -> jwt.getSubject() != null && jwt.getClaimAsString(CurrentUser.AGENCY_CLAIM) != null
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "Missing claims", null));
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer), audience, claims);
    }

    private static JwtAuthenticationConverter rolesConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            List<String> roles = jwt.getClaimAsStringList(CurrentUser.ROLES_CLAIM);
            Collection<GrantedAuthority> authorities = roles == null ? List.of()
                    : roles.stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r)).toList();
            return authorities;
        });
        return converter;
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, int status, String slug,
                              String title, String detail) throws IOException {
        response.setStatus(status);
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.setContentType("application/problem+json");
        Object correlationId = request.getAttribute(CorrelationIdFilter.ATTRIBUTE);
        response.getWriter().write(Problems.json(status, slug, title, detail,
                correlationId == null ? null : correlationId.toString()));
    }
}
