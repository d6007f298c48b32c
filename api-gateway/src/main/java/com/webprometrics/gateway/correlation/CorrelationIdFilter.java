package com.webprometrics.gateway.correlation;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import com.webprometrics.gateway.client.HeaderOverridingRequest;

/**
 * Assigns or echoes {@code X-Correlation-Id}: the caller's value when it is a sane token (at most 100
 * characters of {@code [A-Za-z0-9._-]}), else a new UUID. It is put on the response first thing (so
 * every answer, errors included, carries it), forwarded to the backends and kept in the log MDC.
 */
public class CorrelationIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    public static final String ATTRIBUTE = CorrelationIdFilter.class.getName();
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = resolve(request.getHeader(HEADER));
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(HEADER, id);
        MDC.put(MDC_KEY, id);
        try {
            HttpServletRequest forwarded = HeaderOverridingRequest.wrap(request);
            ((HeaderOverridingRequest) forwarded).set(HEADER, id);
            chain.doFilter(forwarded, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return true;
    }

    public static String resolve(String candidate) {
        if (candidate != null && SANE.matcher(candidate).matches()) {
            return candidate;
        }
        return UUID.randomUUID().toString();
    }
}
