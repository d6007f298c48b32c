package com.webprometrics.gateway.routing;

import java.net.URI;
import java.util.Set;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.servlet.filter.OrderedRequestContextFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.filter.ServletRequestPathFilter;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.webprometrics.gateway.config.GatewayProperties;
import com.webprometrics.websecurity.ApiPaths;

/** The API's way through the gateway: {@link Routes} choose, {@link ApiProxyFilter} forwards with {@link BackendProxy}. */
@Configuration
public class RoutesConfig {

    /** After Spring Security (order -100), which authenticates, authorizes and rate-limits first. */
    static final int ORDER = 0;

    @Bean
    FilterRegistrationBean<ApiProxyFilter> apiProxyFilter(GatewayProperties properties, BackendProxy proxy,
                                                          MeterRegistry meters) {
        Routes routes = new Routes(Set.copyOf(properties.apiPrefixes()));
        ApiProxyFilter filter = new ApiProxyFilter(routes, proxy, host(properties.commandUrl()),
                host(properties.queryUrl()), new ProxyTimers(meters));
        FilterRegistrationBean<ApiProxyFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(ORDER);
        registration.setName("apiProxyFilter");
        return registration;
    }

    @Bean
    FilterRegistrationBean<ServletRequestPathFilter> pathParsedOnce() {
        return ApiPaths.pathParsedOnce();
    }

    /** Proxied requests are timed by {@link ProxyTimers} instead. */
    @Bean
    FilterRegistrationBean<ServerHttpObservationFilter> webMvcObservationFilter(ObservationRegistry registry) {
        return ApiPaths.observationOutsideApi(registry);
    }

    /** Spring MVC's request context (locale, request attributes) only where Spring MVC answers: not for {@code /api}. */
    @Bean
    OrderedRequestContextFilter requestContextFilter() {
        return new OrderedRequestContextFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return ApiPaths.isApi(request.getRequestURI());
            }
        };
    }

    private static HttpHost host(URI url) {
        return new HttpHost(url.getScheme(), url.getHost(), url.getPort());
    }

    /**
     * Apache httpclient5 towards the backends: its pooling connection manager (explicitly sized, the configured
     * connect and response timeouts, stale connections checked before reuse) under its minimal client, which sends
     * an exchange and nothing else — no cookies, redirects, proxy lookup, authentication, retries or decompression.
     * The gateway passes exchanges through as they are (a retried 503 doubled a read-your-writes wait), and the full
     * client's execution chain for those features was a fifth of the gateway's CPU per request (docs/benchmarks.md).
     */
    @Bean(destroyMethod = "close")
    CloseableHttpClient backendClient(GatewayProperties properties) {
        GatewayProperties.Backend backend = properties.backend();
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(properties.pool().maxTotal())
                .setMaxConnPerRoute(properties.pool().maxPerRoute())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(backend.connectTimeout()))
                        .setSocketTimeout(Timeout.of(backend.responseTimeout()))
                        .build())
                .build();
        return HttpClients.createMinimal(pool);
    }

    @Bean
    BackendProxy backendProxy(CloseableHttpClient backendClient) {
        return new BackendProxy(backendClient);
    }
}
