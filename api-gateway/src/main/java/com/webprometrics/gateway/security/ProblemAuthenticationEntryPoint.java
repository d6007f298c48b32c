package com.webprometrics.gateway.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.webprometrics.gateway.client.ClientAddressFilter;
import com.webprometrics.gateway.ratelimit.RateLimitFilter;
import com.webprometrics.gateway.ratelimit.RateLimiter;
import com.webprometrics.websecurity.ProblemWriter;
import com.webprometrics.websecurity.SecurityLog;

/**
 * 401 problem+json with {@code WWW-Authenticate: Bearer} (RFC 6750) for a missing or bad token. A request whose
 * token fails never reaches the rate-limit filter, so it is charged here to its address's anonymous budget: guessing
 * or replaying tokens is throttled like any other anonymous request (429 once the budget is spent).
 */
public class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private static final Logger log = LoggerFactory.getLogger(ProblemAuthenticationEntryPoint.class);

    private final RateLimiter limiter;

    /** @param limiter null when rate limiting is off */
    public ProblemAuthenticationEntryPoint(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        boolean tokenSent = e instanceof InvalidBearerTokenException
                || e instanceof org.springframework.security.oauth2.core.OAuth2AuthenticationException;
        if (tokenSent) {
            SecurityLog.event("token_rejected").with("ip", ClientAddressFilter.clientIp(request)).request(request)
                    .with("reason", e.getClass().getSimpleName()).write();
        }
        if (tokenSent && limiter != null && PublicEndpoints.isApi(request) && !chargeAnonymous(request, response)) {
            return;
        }
        response.setHeader("WWW-Authenticate", tokenSent
                ? "Bearer error=\"invalid_token\", error_description=\"The access token is invalid or expired\""
                : "Bearer");
        ProblemWriter.write(request, response, 401, "unauthorized", "Unauthorized",
                tokenSent ? "The access token is invalid or expired." : "An access token is required.");
    }

    /** False when the budget is spent and a 429 was written. */
    private boolean chargeAnonymous(HttpServletRequest request, HttpServletResponse response) throws IOException {
        RateLimiter.Decision decision;
        try {
            decision = limiter.consume(RateLimiter.Kind.ANONYMOUS, ClientAddressFilter.clientIp(request));
        } catch (RuntimeException unavailable) {
            log.warn("rate limit store unavailable, answering a bad token unthrottled: {}", unavailable.toString());
            return true;
        }
        response.setHeader(RateLimitFilter.REMAINING_HEADER, Long.toString(Math.max(0, decision.remaining())));
        if (!decision.allowed()) {
            RateLimitFilter.refuse(request, response, decision);
        }
        return decision.allowed();
    }
}
