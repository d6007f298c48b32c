package com.webprometrics.command.infra;

import com.webprometrics.command.auth.AuthProperties;
import com.webprometrics.command.auth.Role;
import com.webprometrics.command.auth.SigningKeys;
import com.webprometrics.platform.security.ResourceServerSecurity;
import com.webprometrics.websecurity.CachingJwtDecoder;
import com.webprometrics.websecurity.RoleMatrix;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
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
            "/api/auth/accept-invitation"};
    /** A browser navigation back from Google or Meta: no bearer; the OAuth state says who it is for. */
    private static final String OAUTH_CALLBACK = "/api/integrations/oauth/callback";

    @Bean
    SecurityFilterChain commandSecurity(HttpSecurity http) throws Exception {
        String[] ignoreBearer = java.util.stream.Stream.concat(java.util.Arrays.stream(PUBLIC_AUTH),
                java.util.stream.Stream.of(OAUTH_CALLBACK)).toArray(String[]::new);
        ResourceServerSecurity.apply(http, ignoreBearer).authorizeHttpRequests(auth -> {
            auth.requestMatchers(HttpMethod.POST, PUBLIC_AUTH).permitAll()
                    .requestMatchers(HttpMethod.GET, "/api/auth/jwks").permitAll()
                    .requestMatchers(HttpMethod.GET, OAUTH_CALLBACK).permitAll()
                    .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus", "/error").permitAll();
            RoleMatrix.get().authorize(auth);
            // a report-rendering service token (Role.REPORT_RENDERER) is for the query side's export only
            auth.anyRequest().access(AuthorizationManagers.allOf(AuthenticatedAuthorizationManager.authenticated(),
                    AuthorizationManagers.not(AuthorityAuthorizationManager.hasRole(Role.REPORT_RENDERER))));
        });
        return http.build();
    }

    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, AuthProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(keys.publicKey())
                .signatureAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(ResourceServerSecurity.validator(properties.issuer()));
        return new CachingJwtDecoder(decoder);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
