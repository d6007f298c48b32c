package com.webprometrics.gateway.routing;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;

import java.util.Set;

import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

import com.webprometrics.gateway.config.GatewayProperties;
import com.webprometrics.gateway.error.Problems;

/**
 * All routing in one place. {@code /api/**}: GET/HEAD → query-side, every other method →
 * command-side, except {@code GET /api/auth/jwks}, {@code GET /api/integrations/providers} (the command
 * side owns the connector registry and its configuration), {@code GET /api/integrations/oauth/callback} and
 * {@code GET /api/reports/{id}/deliveries/{deliveryId}/file} which always go to command-side, and {@code /api/ops/**},
 * which always goes to query-side. Path and query are forwarded unchanged. An {@code /api} path whose
 * first segment is not one of {@code wpm.gateway.api-prefixes} is a 404 answered here.
 */
@Configuration
public class RoutesConfig {

    @Bean
    @Order(0)
    RouterFunction<ServerResponse> apiRoutes(GatewayProperties properties) {
        String command = properties.commandUrl().toString();
        String query = properties.queryUrl().toString();
        Set<String> prefixes = Set.copyOf(properties.apiPrefixes());
        RequestPredicate read = RequestPredicates.method(HttpMethod.GET).or(RequestPredicates.method(HttpMethod.HEAD));
        RequestPredicate known = request -> prefixes.contains(firstSegmentAfterApi(request.path()));
        RequestPredicate alwaysCommand = RequestPredicates.path("/api/auth/jwks").and(read)
                .or(RequestPredicates.path("/api/integrations/providers").and(read))
                .or(RequestPredicates.path("/api/integrations/oauth/callback").and(RequestPredicates.method(HttpMethod.GET)))
                // the exact bytes a report delivery e-mailed: kept by the command side, which sent them
                .or(RequestPredicates.path("/api/reports/{reportId}/deliveries/{deliveryId}/file").and(read));
        // the query side owns the event processors: ops commands on them (rebuilds) go there
        RequestPredicate alwaysQuery = RequestPredicates.path("/api/ops/**");

        return route("command-side-reads")
                .route(alwaysCommand, http())
                .before(uri(command))
                .build()
                .and(route("query-side")
                        .route(RequestPredicates.path("/api/**").and(read).and(known).or(alwaysQuery), http())
                        .before(uri(query))
                        .build())
                .and(route("command-side")
                        .route(RequestPredicates.path("/api/**").and(known), http())
                        .before(uri(command))
                        .build())
                .and(route("api-not-found")
                        .route(RequestPredicates.path("/api/**"), request -> ServerResponse.status(404)
                                .build((req, res) -> {
                                    Problems.write(req, res, 404, "not-found", "Not Found",
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
     * Apache httpclient5 towards the backends with an explicitly sized pool (Boot's default is 25 total
     * / 5 per route). Timeouts: {@code spring.http.clients.connect-timeout|read-timeout}. Content
     * compression is off so compressed backend responses pass through untouched.
     */
    @Bean
    ClientHttpRequestFactoryBuilderCustomizer<HttpComponentsClientHttpRequestFactoryBuilder> backendHttpClient(
            GatewayProperties properties) {
        return builder -> builder
                .withConnectionManagerCustomizer(cm -> cm
                        .setMaxConnTotal(properties.pool().maxTotal())
                        .setMaxConnPerRoute(properties.pool().maxPerRoute()))
                .withHttpClientCustomizer(client -> client.disableContentCompression());
    }
}
