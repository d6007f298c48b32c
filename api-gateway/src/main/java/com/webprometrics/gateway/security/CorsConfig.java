package com.webprometrics.gateway.security;

import com.webprometrics.websecurity.ApiPaths;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.filter.CorsFilter;

import com.webprometrics.websecurity.ProblemWriter;

/** CORS for the API from the {@code WPM_CORS_ORIGINS} allowlist; a refused request gets 403 problem+json. */
public final class CorsConfig {

    private CorsConfig() {
    }

    public static CorsFilter corsFilter(List<String> allowedOrigins) {
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(allowedOrigins);
        config.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        config.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "X-Correlation-Id",
                "X-Min-Position", "X-Requested-With"));
        config.setExposedHeaders(List.of("X-Correlation-Id", "X-RateLimit-Remaining", "Retry-After", "Location",
                "Content-Disposition"));
        config.setAllowCredentials(false); // bearer tokens, no cookies
        config.setMaxAge(3600L);
        // the API and /health; a plain prefix check instead of a path-pattern source, which parsed every request's path
        CorsFilter filter = new CorsFilter(request -> {
            String path = request.getRequestURI();
            return ApiPaths.isApi(path) || path.equals("/health") ? config : null;
        });
        filter.setCorsProcessor(new ProblemCorsProcessor());
        return filter;
    }

    static final class ProblemCorsProcessor extends DefaultCorsProcessor {
        @Override
        protected void rejectRequest(ServerHttpResponse response) throws IOException {
            if (response instanceof org.springframework.http.server.ServletServerHttpResponse servlet) {
                HttpServletRequest request = CURRENT.get();
                if (request != null) {
                    ProblemWriter.write(request, servlet.getServletResponse(), 403, "forbidden", "Forbidden",
                            "Cross-origin request from an origin that is not allowed.");
                    return;
                }
            }
            super.rejectRequest(response);
        }

        @Override
        public boolean processRequest(CorsConfiguration config, HttpServletRequest request, HttpServletResponse response)
                throws IOException {
            CURRENT.set(request);
            try {
                return super.processRequest(config, request, response);
            } finally {
                CURRENT.remove();
            }
        }

        private static final ThreadLocal<HttpServletRequest> CURRENT = new ThreadLocal<>();
    }
}
