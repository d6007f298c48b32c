package com.webprometrics.gateway.ratelimit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import com.webprometrics.gateway.client.ClientAddressFilter;
import com.webprometrics.websecurity.ProblemWriter;
import com.webprometrics.websecurity.SecurityLog;
import com.webprometrics.gateway.security.PublicEndpoints;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies the budgets to {@code /api/**} (runs inside the security chain, after the bearer token was
 * authenticated): auth entry points per client IP and — signup/login — per account and address and against the
 * account's ceiling, a successful login giving its tokens back (a stranger's guesses never use up the owner's
 * budget, and the owner's sign-ins never count); payment webhooks their own budget per IP; signed-in requests per
 * user ({@code sub}); everything else per client IP (requests whose token fails are charged to that budget by
 * {@link com.webprometrics.gateway.security.ProblemAuthenticationEntryPoint}). Sets {@code X-RateLimit-Remaining};
 * over budget → 429 {@code rate-limited} with {@code Retry-After}.
 *
 * <p>If PostgreSQL cannot be reached the auth entry points fail closed (503; brute-force protection
 * must not silently disappear) and every other request fails open (logged).
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);
    public static final String REMAINING_HEADER = "X-RateLimit-Remaining";

    private final RateLimiter limiter;
    private final boolean enabled;
    private final ObjectMapper json = JsonMapper.builder().build();

    public RateLimitFilter(RateLimiter limiter, boolean enabled) {
        this.limiter = limiter;
        this.enabled = enabled;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !enabled || !PublicEndpoints.isApi(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String ip = ClientAddressFilter.clientIp(request);
        HttpServletRequest forward = request;
        List<Charge> charges = new ArrayList<>(3);
        RateLimiter.Decision decision;
        String account = null;
        try {
            if (PublicEndpoints.isAuthEntryPoint(request)) {
                decision = charge(charges, RateLimiter.Kind.AUTH_IP, ip, null);
                if (decision.allowed() && PublicEndpoints.isAccountKeyed(request)) {
                    CachedBodyRequest cached = CachedBodyRequest.of(request);
                    forward = cached;
                    account = email(cached);
                }
                if (account != null) {
                    decision = charge(charges, RateLimiter.Kind.AUTH_ACCOUNT_ADDRESS, account + "|" + ip, decision);
                    decision = charge(charges, RateLimiter.Kind.AUTH_ACCOUNT, account, decision);
                }
            } else if (PublicEndpoints.isWebhook(request)) {
                decision = limiter.consume(RateLimiter.Kind.WEBHOOK, ip);
            } else {
                Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
                if (authentication instanceof JwtAuthenticationToken jwt && jwt.isAuthenticated()) {
                    decision = limiter.consume(RateLimiter.Kind.USER, jwt.getName()); // the sub claim, read once at sign-in
                } else {
                    decision = limiter.consume(RateLimiter.Kind.ANONYMOUS, ip);
                }
            }
        } catch (IOException e) {
            throw e; // e.g. body over the limit: GatewayErrorFilter answers 413
        } catch (RuntimeException e) {
            if (PublicEndpoints.isAuthEntryPoint(request)) {
                log.warn("rate limit store unavailable, refusing auth request: {}", e.toString());
                response.setHeader("Retry-After", "5");
                ProblemWriter.write(request, response, 503, "internal", "Service Unavailable",
                        "Sign-in is temporarily unavailable; try again shortly.");
                return;
            }
            log.warn("rate limit store unavailable, letting request through: {}", e.toString());
            chain.doFilter(forward, response);
            return;
        }
        response.setHeader(REMAINING_HEADER, Long.toString(Math.max(0, decision.remaining())));
        if (!decision.allowed()) {
            SecurityLog.event("rate_limited").actor().with("account", account).with("ip", ip).request(request).write();
            refuse(request, response, decision);
            return;
        }
        chain.doFilter(forward, response);
        if (PublicEndpoints.isLogin(request)) {
            boolean signedIn = response.getStatus() / 100 == 2;
            SecurityLog.event(signedIn ? "login_succeeded" : "login_failed").with("account", account).with("ip", ip)
                    .with("status", response.getStatus()).write();
            if (signedIn) refund(charges);
        }
    }

    /** 429 {@code rate-limited} with the seconds until the budget has a token again. */
    public static void refuse(HttpServletRequest request, HttpServletResponse response, RateLimiter.Decision decision)
            throws IOException {
        response.setHeader(REMAINING_HEADER, "0");
        response.setHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
        ProblemWriter.write(request, response, 429, "rate-limited", "Too Many Requests",
                "Too many requests; retry after " + decision.retryAfterSeconds() + " seconds.");
    }

    /**
     * Takes a token from one more budget unless an earlier one already refused; answers the tighter decision
     * (a refusal, or the one with fewer tokens left).
     */
    private RateLimiter.Decision charge(List<Charge> charges, RateLimiter.Kind kind, String key,
            RateLimiter.Decision sofar) {
        if (sofar != null && !sofar.allowed()) {
            return sofar;
        }
        RateLimiter.Decision decision = limiter.consume(kind, key);
        if (decision.allowed()) {
            charges.add(new Charge(kind, key));
        }
        return sofar == null || !decision.allowed() || decision.remaining() < sofar.remaining() ? decision : sofar;
    }

    private void refund(List<Charge> charges) {
        try {
            charges.forEach(c -> limiter.refund(c.kind(), c.key()));
        } catch (RuntimeException e) {
            log.warn("could not give back a successful sign-in's rate-limit tokens: {}", e.toString());
        }
    }

    private record Charge(RateLimiter.Kind kind, String key) {
    }

    /** The lower-cased {@code email} of a JSON body, or null when there is none. */
    String email(CachedBodyRequest request) {
        byte[] body = request.body();
        if (body.length == 0) return null;
        try {
            JsonNode node = json.readTree(body);
            JsonNode email = node == null ? null : node.path("email");
            if (email == null || !email.isString()) return null;
            String value = email.stringValue().trim().toLowerCase(Locale.ROOT);
            return value.isEmpty() ? null : value;
        } catch (JacksonException e) {
            return null; // not JSON: the backend will answer 400
        }
    }
}
