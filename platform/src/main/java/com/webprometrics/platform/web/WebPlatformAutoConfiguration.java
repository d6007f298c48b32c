package com.webprometrics.platform.web;

import com.webprometrics.platform.security.CurrentUserArgumentResolver;
import com.webprometrics.websecurity.ApiPaths;
import com.webprometrics.websecurity.ClientAddressResolver;
import com.webprometrics.websecurity.CorrelationIdFilter;
import com.webprometrics.websecurity.FailFastDatabaseConfiguration;
import com.webprometrics.websecurity.LeanSecurityConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.filter.ServletRequestPathFilter;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

import java.util.List;

/** Correlation ids, client IPs, the problem+json handler and strict JSON for every service. */
@AutoConfiguration
@Import({GlobalExceptionHandler.class, LeanSecurityConfiguration.class, FailFastDatabaseConfiguration.class})
public class WebPlatformAutoConfiguration {

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** The gateway and Axon time API requests; the rest (actuator, health) is observed as usual. */
    @Bean
    FilterRegistrationBean<ServerHttpObservationFilter> webMvcObservationFilter(ObservationRegistry registry) {
        return ApiPaths.observationOutsideApi(registry);
    }

    @Bean
    FilterRegistrationBean<ServletRequestPathFilter> pathParsedOnce() {
        return ApiPaths.pathParsedOnce();
    }

    @Bean
    ClientAddressResolver clientAddressResolver(@Value("${wpm.trusted-proxies:127.0.0.1,::1}") String trustedProxies) {
        return ClientAddressResolver.of(trustedProxies);
    }

    /** Refuses to start a service one of whose endpoints takes the tenant from the request ({@link TenantFromTokenOnly}). */
    @Bean
    org.springframework.context.ApplicationListener<org.springframework.boot.context.event.ApplicationStartedEvent> tenantFromTokenOnly() {
        return event -> event.getApplicationContext()
                .getBeansOfType(org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping.class)
                .values().forEach(mapping -> {
                    List<String> violations = TenantFromTokenOnly.violations(mapping.getHandlerMethods().values());
                    if (!violations.isEmpty()) {
                        throw new IllegalStateException("The tenant must come from the token: " + violations);
                    }
                });
    }

    @Bean
    RequestMetadata requestMetadata(ClientAddressResolver clientAddresses) {
        return new RequestMetadata(clientAddresses);
    }

    @Bean
    WebMvcConfigurer currentUserResolver() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CurrentUserArgumentResolver());
            }
        };
    }

    /** A number where text is expected, or text where a number is, is a client error, not a silent coercion. */
    @Bean
    JsonMapperBuilderCustomizer strictScalars() {
        return builder -> builder
                .withCoercionConfig(LogicalType.Textual, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail));
    }
}
