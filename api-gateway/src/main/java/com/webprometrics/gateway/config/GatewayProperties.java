package com.webprometrics.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Everything configurable about the gateway itself ({@code wpm.gateway.*}); see application.yml for
 * the environment variables each property is bound to.
 */
@ConfigurationProperties("wpm.gateway")
public record GatewayProperties(
        URI commandUrl,
        URI queryUrl,
        long maxBodyBytes,
        long maxUploadBytes,
        String spaDir,
        List<String> corsOrigins,
        List<String> trustedProxies,
        List<String> apiPrefixes,
        Pool pool,
        Backend backend,
        Health health) {

    public GatewayProperties {
        if (commandUrl == null) commandUrl = URI.create("http://localhost:8081");
        if (queryUrl == null) queryUrl = URI.create("http://localhost:8082");
        if (maxBodyBytes <= 0) maxBodyBytes = 1024 * 1024;
        if (maxUploadBytes <= 0) maxUploadBytes = 6 * 1024 * 1024;
        if (spaDir == null || spaDir.isBlank()) spaDir = "frontend/dist";
        corsOrigins = clean(corsOrigins);
        trustedProxies = clean(trustedProxies);
        apiPrefixes = clean(apiPrefixes);
        if (pool == null) pool = new Pool(200, 100);
        if (backend == null) backend = new Backend(Duration.ofSeconds(2), Duration.ofSeconds(30));
        if (health == null) health = new Health(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    private static List<String> clean(List<String> values) {
        if (values == null) return List.of();
        return values.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Apache httpclient5 connection pool towards the two backends. */
    public record Pool(int maxTotal, int maxPerRoute) {
        public Pool {
            if (maxTotal <= 0) maxTotal = 200;
            if (maxPerRoute <= 0) maxPerRoute = 100;
        }
    }

    /** How long the gateway waits to connect to a backend, and for its answer. */
    public record Backend(Duration connectTimeout, Duration responseTimeout) {
        public Backend {
            if (connectTimeout == null) connectTimeout = Duration.ofSeconds(2);
            if (responseTimeout == null) responseTimeout = Duration.ofSeconds(30);
        }
    }

    /** Timeouts of the backend checks behind {@code GET /health}. */
    public record Health(Duration connectTimeout, Duration timeout) {
        public Health {
            if (connectTimeout == null) connectTimeout = Duration.ofSeconds(1);
            if (timeout == null) timeout = Duration.ofSeconds(2);
        }
    }
}
