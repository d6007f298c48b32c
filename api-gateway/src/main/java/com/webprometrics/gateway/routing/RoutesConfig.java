package com.webprometrics.gateway.routing;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;

import java.util.Set;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.util.Timeout;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

import com.webprometrics.gateway.config.GatewayProperties;
import com.webprometrics.websecurity.ProblemWriter;

/**
 * All routing in one place. {@code /api/**}: GET/HEAD → query-side, every other method → command-side, with two
 * exceptions. Always command-side: {@code GET /api/auth/jwks}, {@code GET /api/integrations/providers} (the command
 * side owns the connector registry and its configuration), {@code GET /api/integrations/oauth/callback},
 * {@code GET /api/reports/{id}/deliveries/{deliveryId}/file} and {@code /api/ops/command-tables/**}. Always
 * query-side: the rest of {@code /api/ops/**}. Path and query are forwarded unchanged. An {@code /api} path whose
 * first segment is not one of {@code wpm.gateway.api-prefixes} is a 404 answered here.
 */
@Configuration
public class RoutesConfig {

    @Bean
    @Order(0)
    RouterFunction<ServerResponse> apiRoutes(GatewayProperties properties, BackendProxy proxy) {
        String command = properties.commandUrl().toString();
        String query = properties.queryUrl().toString();
        Set<String> prefixes = Set.copyOf(properties.apiPrefixes());
        RequestPredicate read = RequestPredicates.method(HttpMethod.GET).or(RequestPredicates.method(HttpMethod.HEAD));
        RequestPredicate known = request -> prefixes.contains(firstSegmentAfterApi(request.path()));
        RequestPredicate commandOps = RequestPredicates.path("/api/ops/command-tables/**");
        RequestPredicate alwaysCommand = RequestPredicates.path("/api/auth/jwks").and(read)
                .or(RequestPredicates.path("/api/integrations/providers").and(read))
                .or(RequestPredicates.path("/api/integrations/oauth/callback").and(RequestPredicates.method(HttpMethod.GET)))
                // the exact bytes a report delivery e-mailed: kept by the command side, which sent them
                .or(RequestPredicates.path("/api/reports/{reportId}/deliveries/{deliveryId}/file").and(read))
                // the command side's own tables are rebuilt there; every other ops call concerns query-side processors
                .or(commandOps);
        RequestPredicate alwaysQuery = RequestPredicates.path("/api/ops/**").and(commandOps.negate());

        return route("command-side-reads")
                .route(alwaysCommand, proxy)
                .before(uri(command))
                .build()
                .and(route("query-side")
                        .route(RequestPredicates.path("/api/**").and(read).and(known).or(alwaysQuery), proxy)
                        .before(uri(query))
                        .build())
                .and(route("command-side")
                        .route(RequestPredicates.path("/api/**").and(known), proxy)
                        .before(uri(command))
                        .build())
                .and(route("api-not-found")
                        .route(RequestPredicates.path("/api/**"), request -> ServerResponse.status(404)
                                .build((req, res) -> {
                                    ProblemWriter.write(req, res, 404, "not-found", "Not Found",
                                            "There is no such API resource.");
                                    return null;
                                }))
                        .build());
    }

    static String firstSegmentAfterApi(String path) {
        if (!path.startsWith("/api/")) return "";
        int start = 5;
        int end = path.indexOf('/', start);
        return end < 0 ? path.substring(start) : path.substring(start, end);
    }

    /**
     * Apache httpclient5 towards the backends with an explicitly sized pool, the configured timeouts, and nothing it
     * would do on its own: no cookie store, redirect following, proxy lookup, retries or content decompression — the
     * gateway passes exchanges through as they are (a retried 503 doubled a read-your-writes wait), and each of those
     * cost CPU on every request (docs/benchmarks.md).
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
        return HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(backend.responseTimeout()))
                        .build())
                .disableContentCompression()
                .disableCookieManagement()
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableAuthCaching()
                .setRoutePlanner(new DefaultRoutePlanner(null))
                .build();
    }

    @Bean
    BackendProxy backendProxy(CloseableHttpClient backendClient) {
        return new BackendProxy(backendClient);
    }
}
