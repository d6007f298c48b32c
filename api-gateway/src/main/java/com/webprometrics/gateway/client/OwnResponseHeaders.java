package com.webprometrics.gateway.client;

import java.util.List;

import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Drops from a backend's response the headers the gateway sets on every response itself (correlation
 * id, security headers), so clients see each exactly once — with the gateway's value.
 */
public class OwnResponseHeaders implements HttpHeadersFilter.ResponseHttpHeadersFilter, Ordered {
    static final List<String> SET_BY_GATEWAY = List.of("X-Correlation-Id", "X-Content-Type-Options",
            "X-Frame-Options", "Referrer-Policy", "Content-Security-Policy", "Strict-Transport-Security",
            "X-XSS-Protection");

    @Override
    public HttpHeaders apply(HttpHeaders headers, ServerResponse response) {
        SET_BY_GATEWAY.forEach(headers::remove);
        return headers;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
