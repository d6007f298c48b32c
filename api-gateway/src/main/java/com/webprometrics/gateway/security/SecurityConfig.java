package com.webprometrics.gateway.security;


import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestTemplate;

import org.springframework.security.authorization.AuthorizationDecision;

import com.webprometrics.gateway.client.ClientAddressFilter;
import com.webprometrics.gateway.ratelimit.RateLimitFilter;
import com.webprometrics.websecurity.BearerTokens;
import com.webprometrics.websecurity.CachingJwtAuthentication;
import com.webprometrics.websecurity.RoleMatrix;
import com.webprometrics.websecurity.TokenRules;
import com.webprometrics.gateway.ratelimit.RateLimitProperties;
import com.webprometrics.gateway.ratelimit.RateLimiter;

/**
 * JWT validation (RS256 only, JWKS fetched lazily from command-side and re-fetched on failure or
 * unknown key id), route roles and the rate-limit filter. Stateless, CSRF off (bearer tokens only).
 */
@Configuration
public class SecurityConfig {


    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, JwtDecoder jwtDecoder, RateLimiter rateLimiter,
            RateLimitProperties rateLimits) throws Exception {
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(
                rateLimits.enabled() ? rateLimiter : null);
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
                        .jwt(j -> j.authenticationManager(CachingJwtAuthentication.of(jwtDecoder))))
                .addFilterAfter(new RateLimitFilter(rateLimiter, rateLimits.enabled()),
                        BearerTokenAuthenticationFilter.class)
                .authorizeHttpRequests(a -> {
                    a.requestMatchers(PublicEndpoints.publicApi()).permitAll();
                    RoleMatrix.get().authorize(a);
                    a.requestMatchers("/api/**").authenticated();
                    // metrics are for a scraper on this machine, never for the public port's clients (nor via nginx)
                    a.requestMatchers("/actuator/prometheus").access((authentication, context) ->
                            new AuthorizationDecision(ClientAddressFilter.fromLoopback(context.getRequest())));
                    a.anyRequest().permitAll(); // the SPA, /health, /actuator/health
                });
        return http.build();
    }

    /** Tokens are ignored (not rejected) on public endpoints: a stale token must not block login/refresh. */
    static BearerTokenResolver bearerTokenResolver() {
        return BearerTokens.ignoring(PublicEndpoints::isPublic);
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
        return decoder;
    }

    /** The rules of every hop; a report-rendering service token is refused outright here (401), whatever the route. */
    static OAuth2TokenValidator<Jwt> validator(JwtProperties properties) {
        return TokenRules.refusingServiceTokens(TokenRules.validator(properties.issuer(), properties.clockSkew()));
    }
}
