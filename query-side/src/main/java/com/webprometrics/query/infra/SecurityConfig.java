package com.webprometrics.query.infra;

import com.webprometrics.platform.security.ResourceServerSecurity;
import com.webprometrics.websecurity.RoleMatrix;
import com.webprometrics.websecurity.TokenRules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The query side validates every token itself, against the command side's published JWK set, and enforces the role
 * matrix every hop reads ({@link RoleMatrix}).
 */
@Configuration
public class SecurityConfig {
    static final String REPORT_RENDERER = TokenRules.REPORT_RENDERER;

    @Bean
    SecurityFilterChain querySecurity(HttpSecurity http, JwtDecoder jwtDecoder) throws Exception {
        ResourceServerSecurity.apply(http, jwtDecoder).authorizeHttpRequests(auth -> {
            auth.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus", "/error").permitAll()
                    // the command side's report-rendering service tokens (role REPORT_RENDERER) may only export a report
                    .requestMatchers(HttpMethod.GET, "/api/reports/*/export").authenticated();
            RoleMatrix.get().authorize(auth);
            auth.requestMatchers(HttpMethod.GET, "/api/**").access(AuthorizationManagers.allOf(
                            AuthenticatedAuthorizationManager.authenticated(),
                            AuthorizationManagers.not(AuthorityAuthorizationManager.hasRole(REPORT_RENDERER))))
                    .anyRequest().denyAll();
        });
        return http.build();
    }

    @Bean
    JwtDecoder jwtDecoder(@Value("${wpm.auth.jwks-url}") String jwksUrl, @Value("${wpm.auth.issuer}") String issuer) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwksUrl).jwsAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(ResourceServerSecurity.validator(issuer));
        return decoder;
    }
}
