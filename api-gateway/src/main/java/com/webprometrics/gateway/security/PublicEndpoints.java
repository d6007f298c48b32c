package com.webprometrics.gateway.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * What needs no token: the auth entry points, the JWKS, payment webhooks, the OAuth callback,
 * {@code GET /health} and every path outside {@code /api} (the SPA, actuator). A token sent to one of
 * these is ignored by the gateway (not rejected when stale) and still forwarded to the backend.
 */
public final class PublicEndpoints {

    public static final String[] AUTH_ENTRY_POINTS = {
            "/api/auth/signup", "/api/auth/login", "/api/auth/refresh", "/api/auth/accept-invitation",
            "/api/auth/password-reset", "/api/auth/password-reset/confirm" };

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    private static final RequestMatcher API = PATHS.matcher("/api/**");

    private static final RequestMatcher PUBLIC_API = new OrRequestMatcher(
            PATHS.matcher(HttpMethod.POST, "/api/auth/signup"),
            PATHS.matcher(HttpMethod.POST, "/api/auth/login"),
            PATHS.matcher(HttpMethod.POST, "/api/auth/refresh"),
            PATHS.matcher(HttpMethod.POST, "/api/auth/accept-invitation"),
            PATHS.matcher(HttpMethod.POST, "/api/auth/password-reset"),
            PATHS.matcher(HttpMethod.POST, "/api/auth/password-reset/confirm"),
            PATHS.matcher(HttpMethod.GET, "/api/auth/jwks"),
            PATHS.matcher(HttpMethod.HEAD, "/api/auth/jwks"),
            PATHS.matcher(HttpMethod.GET, "/api/audit/checkpoint-key"),
            PATHS.matcher(HttpMethod.POST, "/api/webhooks/payments/**"),
            PATHS.matcher(HttpMethod.GET, "/api/integrations/oauth/callback"));

    /**
     * Sign-up, login and accepting an invitation guess or set passwords: tight budgets. A refresh presents a
     * 256-bit secret that works once (reuse revokes its family), nothing to guess; it costs the anonymous
     * budget instead, so reloading the SPA, which refreshes once per load, never locks a user out.
     */
    private static final RequestMatcher AUTH = new OrRequestMatcher(
            PATHS.matcher(HttpMethod.POST, AUTH_ENTRY_POINTS[0]),
            PATHS.matcher(HttpMethod.POST, AUTH_ENTRY_POINTS[1]),
            PATHS.matcher(HttpMethod.POST, AUTH_ENTRY_POINTS[3]),
            PATHS.matcher(HttpMethod.POST, AUTH_ENTRY_POINTS[4]),
            PATHS.matcher(HttpMethod.POST, AUTH_ENTRY_POINTS[5]));

    /** Signup, login and asking for a reset link name an account: each also spends that account's budgets. */
    private static final RequestMatcher ACCOUNT_KEYED = new OrRequestMatcher(
            PATHS.matcher(HttpMethod.POST, AUTH_ENTRY_POINTS[0]),
            PATHS.matcher(HttpMethod.POST, AUTH_ENTRY_POINTS[1]),
            PATHS.matcher(HttpMethod.POST, AUTH_ENTRY_POINTS[4]));

    private static final RequestMatcher LOGIN = PATHS.matcher(HttpMethod.POST, AUTH_ENTRY_POINTS[1]);

    private static final RequestMatcher WEBHOOK = PATHS.matcher(HttpMethod.POST, "/api/webhooks/payments/**");

    private PublicEndpoints() {
    }

    public static RequestMatcher publicApi() {
        return PUBLIC_API;
    }

    public static boolean isApi(HttpServletRequest request) {
        return API.matches(request);
    }

    /** True for requests the gateway lets through without a token. */
    public static boolean isPublic(HttpServletRequest request) {
        return !API.matches(request) || PUBLIC_API.matches(request);
    }

    /** Sign-up, login and accepting an invitation: their own, tighter budgets. */
    public static boolean isAuthEntryPoint(HttpServletRequest request) {
        return AUTH.matches(request);
    }

    /** Signup and login: also limited per account (the {@code email} of the JSON body). */
    public static boolean isAccountKeyed(HttpServletRequest request) {
        return ACCOUNT_KEYED.matches(request);
    }

    /** Login: a successful one gives its tokens back, so the owner's sign-ins never count against anyone. */
    public static boolean isLogin(HttpServletRequest request) {
        return LOGIN.matches(request);
    }

    /** The payment provider's webhooks: signed by the provider, with a budget of their own. */
    public static boolean isWebhook(HttpServletRequest request) {
        return WEBHOOK.matches(request);
    }
}
