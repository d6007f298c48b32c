package com.webprometrics.gateway.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestTemplate;

import com.webprometrics.gateway.ratelimit.RateLimitFilter;
import com.webprometrics.websecurity.CachingJwtDecoder;
import com.webprometrics.gateway.ratelimit.RateLimitProperties;
import com.webprometrics.gateway.ratelimit.RateLimiter;

/**
 * JWT validation (RS256 only, JWKS fetched lazily from command-side and re-fetched on failure or
 * unknown key id), route roles and the rate-limit filter. Stateless, CSRF off (bearer tokens only).
 */
@Configuration
public class SecurityConfig {

    private static final String[] MUTATIONS = { "POST", "PUT", "PATCH", "DELETE" };
    /**
     * The command side's report-rendering service tokens carry only this role; they go from command-side to
     * query-side directly and have no business at the public edge, so the validator refuses them.
     */
    static final String REPORT_RENDERER = "REPORT_RENDERER";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, JwtDecoder jwtDecoder, RateLimiter rateLimiter,
            RateLimitProperties rateLimits) throws Exception {
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint();
        ProblemAccessDeniedHandler accessDenied = new ProblemAccessDeniedHandler();
        http
                .csrf(AbstractHttpConfigurer::disable)
                .cors(AbstractHttpConfigurer::disable) // CORS is a servlet filter in front (FilterConfig)
                .headers(AbstractHttpConfigurer::disable) // SecurityHeadersFilter, for every response
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
                .oauth2ResourceServer(o -> o
                        .bearerTokenResolver(bearerTokenResolver())
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied)
                        .jwt(j -> j.decoder(jwtDecoder).jwtAuthenticationConverter(authenticationConverter())))
                .addFilterAfter(new RateLimitFilter(rateLimiter, rateLimits.enabled()),
                        BearerTokenAuthenticationFilter.class)
                .authorizeHttpRequests(a -> {
                    a.requestMatchers(PublicEndpoints.publicApi()).permitAll();
                    a.requestMatchers("/api/ops/**").hasRole("OPS");
                    a.requestMatchers("/api/audit/**").hasAnyRole("OWNER", "AUDITOR");
                    for (String method : MUTATIONS) {
                        HttpMethod m = HttpMethod.valueOf(method);
                        a.requestMatchers(m, "/api/team/**").hasAnyRole("OWNER", "ADMIN");
                        a.requestMatchers(m, "/api/clients/**", "/api/integrations/**", "/api/reports/**")
                                .hasAnyRole("OWNER", "ADMIN", "ANALYST");
                        a.requestMatchers(m, "/api/subscriptions/**").hasAnyRole("OWNER", "ADMIN");
                    }
                    a.requestMatchers("/api/**").authenticated();
                    a.anyRequest().permitAll(); // the SPA, /health, /actuator/health|prometheus
                });
        return http.build();
    }

    /** Tokens are ignored (not rejected) on public endpoints: a stale token must not block login/refresh. */
    static BearerTokenResolver bearerTokenResolver() {
        DefaultBearerTokenResolver delegate = new DefaultBearerTokenResolver();
        return request -> PublicEndpoints.isPublic(request) ? null : delegate.resolve(request);
    }

    static JwtAuthenticationConverter authenticationConverter() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        converter.setPrincipalClaimName(JwtClaimNames.SUB);
        return converter;
    }

    @Bean
    JwtDecoder jwtDecoder(JwtProperties properties) {
        SimpleClientHttpRequestFactory requestFactory = new SimpleClientHttpRequestFactory();
        requestFactory.setConnectTimeout(2_000);
        requestFactory.setReadTimeout(3_000);
        // Nothing is fetched here: the JWK set is loaded on the first token and re-fetched (with
        // Nimbus' rate limit) after a failure or for an unknown key id, so command-side may start later.
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwksUrl().toString())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .validateType(false)
                .restOperations(new RestTemplate(requestFactory))
                .build();
        decoder.setJwtValidator(validator(properties));
        return new CachingJwtDecoder(decoder);
    }

    static OAuth2TokenValidator<Jwt> validator(JwtProperties properties) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(new JwtTimestampValidator(properties.clockSkew()));
        validators.add(new JwtClaimValidator<Object>(JwtClaimNames.EXP, exp -> exp != null));
        validators.add(new JwtIssuerValidator(properties.issuer()));
        validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                aud -> aud != null && aud.contains(properties.audience())));
        // a report-rendering service token is refused outright here (401), whatever the route
        validators.add(jwt -> {
            List<String> roles = jwt.getClaimAsStringList("roles");
            return roles != null && roles.contains(REPORT_RENDERER)
                    ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "Service token", null))
                    : OAuth2TokenValidatorResult.success();
        });
        return new DelegatingOAuth2TokenValidator<>(validators);
    }
}
