package com.webprometrics.websecurity;

import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.ServerHttpObservationFilter;

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
}
