package com.webprometrics.command.infra;

import com.webprometrics.command.auth.AuthProperties;
import com.webprometrics.command.auth.LimitedPasswordEncoder;
import com.webprometrics.command.auth.Role;
import com.webprometrics.command.auth.SigningKeys;
import com.webprometrics.platform.security.ResourceServerSecurity;
import com.webprometrics.websecurity.RoleMatrix;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The command side checks every token itself (never trusting the gateway alone) against its own key, and enforces
 * the same route roles as the gateway: the role matrix they all read ({@link RoleMatrix}).
 */
@Configuration
public class SecurityConfig {
    private static final String[] PUBLIC_AUTH = {"/api/auth/signup", "/api/auth/login", "/api/auth/refresh",
            "/api/auth/accept-invitation", "/api/auth/password-reset", "/api/auth/password-reset/confirm"};
    /** A browser navigation back from Google or Meta: no bearer; the OAuth state says who it is for. */
    private static final String OAUTH_CALLBACK = "/api/integrations/oauth/callback";
    /** The payment provider's webhooks: no bearer; the signature over the body says who sent them. */
    private static final String PAYMENT_WEBHOOKS = "/api/webhooks/payments/stripe";

    @Bean
    SecurityFilterChain commandSecurity(HttpSecurity http, JwtDecoder jwtDecoder) throws Exception {
        String[] ignoreBearer = java.util.stream.Stream.concat(java.util.Arrays.stream(PUBLIC_AUTH),
                java.util.stream.Stream.of(OAUTH_CALLBACK, PAYMENT_WEBHOOKS)).toArray(String[]::new);
        ResourceServerSecurity.apply(http, jwtDecoder, ignoreBearer).authorizeHttpRequests(auth -> {
            auth.requestMatchers(HttpMethod.POST, PUBLIC_AUTH).permitAll()
                    .requestMatchers(HttpMethod.GET, "/api/auth/jwks", "/api/audit/checkpoint-key").permitAll()
                    .requestMatchers(HttpMethod.GET, OAUTH_CALLBACK).permitAll()
                    .requestMatchers(HttpMethod.POST, PAYMENT_WEBHOOKS).permitAll()
                    .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus", "/error").permitAll()
                    // ./wpm ops: no JWT; the operator token and a loopback peer (OperatorController)
                    .requestMatchers("/internal/operators/**").permitAll();
            RoleMatrix.get().authorize(auth);
            // a report-rendering service token (Role.REPORT_RENDERER) is for the query side's export only
            auth.anyRequest().access(AuthorizationManagers.allOf(AuthenticatedAuthorizationManager.authenticated(),
                    AuthorizationManagers.not(AuthorityAuthorizationManager.hasRole(Role.REPORT_RENDERER))));
        });
        return http.build();
    }

    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, AuthProperties properties) {
        // the published keys: the current one and those a rotation replaced within the day
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource((selector, context) ->
                        selector.select(new com.nimbusds.jose.jwk.JWKSet(List.<com.nimbusds.jose.jwk.JWK>copyOf(keys.published()))))
                .jwsAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(ResourceServerSecurity.validator(properties.issuer()));
        return decoder;
    }

    /**
     * New hashes are argon2id with OWASP's minimum (19 MiB, 2 iterations, 1 lane; ASVS 11.4.2), which has no input
     * limit (bcrypt reads 72 bytes and no more). Hashes of other ids still verify; a successful sign-in rehashes them.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        Map<String, PasswordEncoder> encoders = new HashMap<>();
        encoders.put(ARGON2, new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2));
        encoders.put("bcrypt", new BCryptPasswordEncoder());
        return new LimitedPasswordEncoder(new DelegatingPasswordEncoder(ARGON2, encoders),
                Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    private static final String ARGON2 = "argon2id";
}
