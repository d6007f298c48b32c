package com.webprometrics.websecurity;

import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.filter.ServletRequestPathFilter;

/** The public API's paths ({@code /api/**}), and what every hop does differently for them. */
public final class ApiPaths {

    private ApiPaths() {
    }

    public static boolean isApi(String path) {
        return path.startsWith("/api/") || path.equals("/api");
    }

    /**
     * Spring's HTTP server observation (Boot's {@code webMvcObservationFilter} steps aside for a filter bean of that
     * name) for every path but {@code /api}. API requests are timed once, where they enter: the gateway times each
     * proxied request ({@code wpm.gateway.proxied}) and Axon's monitors time each command. An observation per API
     * request on every hop was a tenth of the gateway's CPU per request and 5–6% of a command's on the command side
     * (docs/benchmarks.md).
     */
    public static FilterRegistrationBean<ServerHttpObservationFilter> observationOutsideApi(ObservationRegistry registry) {
        FilterRegistrationBean<ServerHttpObservationFilter> registration = new FilterRegistrationBean<>(
                new ServerHttpObservationFilter(registry) {
                    @Override
                    protected boolean shouldNotFilter(HttpServletRequest request) {
                        return isApi(request.getRequestURI());
                    }
                });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        return registration;
    }

    /**
     * Parses the request's path once, before Spring Security (order -100), for every matcher to read. A
     * {@code PathPatternRequestMatcher} finding no parsed path parses the URI itself and throws it away: the role
     * matrix's rules did it twenty-odd times per request, 5% of the gateway's CPU per proxied command (JFR). The
     * matching is unchanged: the same parser, the same decoded segments.
     */
    public static FilterRegistrationBean<ServletRequestPathFilter> pathParsedOnce() {
        FilterRegistrationBean<ServletRequestPathFilter> registration = new FilterRegistrationBean<>(
                new ServletRequestPathFilter());
        registration.setOrder(-101);
        registration.setName("pathParsedOnce");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }
}
