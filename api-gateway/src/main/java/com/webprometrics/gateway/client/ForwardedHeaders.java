package com.webprometrics.gateway.client;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * Sets the X-Forwarded-* headers on every proxied request. Runs after Spring Cloud Gateway's own
 * header filters (which strip X-Forwarded-* and Forwarded when no gateway trusted-proxies regex is
 * configured): X-Forwarded-For = the incoming list with the direct peer appended;
 * X-Forwarded-Proto / X-Forwarded-Host = the incoming values when the peer is a trusted proxy,
 * else the scheme and Host this gateway saw.
 */
public class ForwardedHeaders implements HttpHeadersFilter.RequestHttpHeadersFilter, Ordered {

    @Override
    public HttpHeaders apply(HttpHeaders headers, ServerRequest request) {
        HttpServletRequest servlet = request.servletRequest();
        String peer = servlet.getRemoteAddr();
        List<String> incoming = java.util.Collections.list(servlet.getHeaders("X-Forwarded-For"));
        String existing = String.join(", ", incoming).trim();
        headers.set("X-Forwarded-For", existing.isEmpty() ? peer : existing + ", " + peer);

        boolean trusted = ClientAddressFilter.peerTrusted(servlet);
        String proto = trusted ? ClientAddressFilter.firstValue(servlet.getHeader("X-Forwarded-Proto")) : null;
        headers.set("X-Forwarded-Proto", proto != null && !proto.isEmpty() ? proto : servlet.getScheme());
        String host = trusted ? ClientAddressFilter.firstValue(servlet.getHeader("X-Forwarded-Host")) : null;
        if (host == null || host.isEmpty()) {
            host = servlet.getHeader(HttpHeaders.HOST);
        }
        if (host != null && !host.isEmpty()) {
            headers.set("X-Forwarded-Host", host);
        } else {
            headers.remove("X-Forwarded-Host");
        }
        return headers;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
