package com.webprometrics.gateway.config;

import jakarta.servlet.Filter;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import com.webprometrics.gateway.body.BodyLimitFilter;
import com.webprometrics.gateway.client.ClientAddressFilter;
import com.webprometrics.websecurity.ClientAddressResolver;
import com.webprometrics.websecurity.CorrelationIdFilter;
import com.webprometrics.gateway.error.GatewayErrorFilter;
import com.webprometrics.gateway.security.CorsConfig;
import com.webprometrics.gateway.security.SecurityHeadersFilter;

/**
 * The servlet filters in front of Spring Security (order -100), outermost first:
 * correlation id → client address → security headers → error mapping → body limit → CORS.
 * Inside the security chain follow JWT authentication, rate limits and route roles.
 */
@Configuration
public class FilterConfig {

    private static final int FIRST = Ordered.HIGHEST_PRECEDENCE;

    @Bean
    ClientAddressResolver clientAddressResolver(GatewayProperties properties) {
        return new ClientAddressResolver(properties.trustedProxies());
    }

    @Bean
    FilterRegistrationBean<Filter> correlationIdFilter() {
        return register(new CorrelationIdFilter(), FIRST, "correlationIdFilter");
    }

    @Bean
    FilterRegistrationBean<Filter> clientAddressFilter(ClientAddressResolver resolver) {
        return register(new ClientAddressFilter(resolver), FIRST + 1, "clientAddressFilter");
    }

    @Bean
    FilterRegistrationBean<Filter> securityHeadersFilter() {
        return register(new SecurityHeadersFilter(), FIRST + 2, "securityHeadersFilter");
    }

    @Bean
    FilterRegistrationBean<Filter> gatewayErrorFilter() {
        return register(new GatewayErrorFilter(), FIRST + 3, "gatewayErrorFilter");
    }

    @Bean
    FilterRegistrationBean<Filter> bodyLimitFilter(GatewayProperties properties) {
        return register(new BodyLimitFilter(properties.maxBodyBytes(), properties.maxUploadBytes()), FIRST + 4, "bodyLimitFilter");
    }

    @Bean
    FilterRegistrationBean<Filter> gatewayCorsFilter(GatewayProperties properties) {
        return register(CorsConfig.corsFilter(properties.corsOrigins()), FIRST + 5, "gatewayCorsFilter");
    }

    private static FilterRegistrationBean<Filter> register(Filter filter, int order, String name) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(order);
        registration.setName(name);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
