package com.webprometrics.websecurity;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * What makes an access token good, the same at every hop: signed RS256 (the decoders' business), issued by us for
 * {@value #AUDIENCE}, not expired (an {@code exp} is required), with a subject and an agency; its {@code roles} claim
 * becomes the authorities {@code ROLE_<role>} the {@link RoleMatrix} is written in.
 */
public final class TokenRules {
    public static final String AUDIENCE = "webprometrics-api";
    public static final String AGENCY_CLAIM = "agency_id";
    public static final String ROLES_CLAIM = "roles";
    /** Carried only by the command side's report-rendering service tokens. */
    public static final String REPORT_RENDERER = "REPORT_RENDERER";

    private TokenRules() {
    }

    public static OAuth2TokenValidator<Jwt> validator(String issuer, Duration clockSkew) {
        return new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtTimestampValidator(clockSkew),
                check(jwt -> jwt.getExpiresAt() != null, "No expiry"),
                new JwtIssuerValidator(issuer),
                check(jwt -> jwt.getAudience() != null && jwt.getAudience().contains(AUDIENCE), "Wrong audience"),
                check(jwt -> jwt.getSubject() != null && jwt.getClaimAsString(AGENCY_CLAIM) != null, "Missing claims")));
    }

    /** For the public edge: a report-rendering service token has no business there. */
    public static OAuth2TokenValidator<Jwt> refusingServiceTokens(OAuth2TokenValidator<Jwt> validator) {
        return new DelegatingOAuth2TokenValidator<>(validator, check(jwt -> {
            List<String> roles = jwt.getClaimAsStringList(ROLES_CLAIM);
            return roles == null || !roles.contains(REPORT_RENDERER);
        }, "Service token"));
    }

    public static JwtAuthenticationConverter authorities() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            List<String> roles = jwt.getClaimAsStringList(ROLES_CLAIM);
            Collection<GrantedAuthority> authorities = roles == null ? List.of()
                    : roles.stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r)).toList();
            return authorities;
        });
        converter.setPrincipalClaimName(JwtClaimNames.SUB);
        return converter;
    }

    private static OAuth2TokenValidator<Jwt> check(java.util.function.Predicate<Jwt> rule, String failure) {
        return jwt -> rule.test(jwt) ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", failure, null));
    }
}
