package com.webprometrics.command.auth;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Browser sessions keep the refresh token in an HttpOnly, SameSite=Strict cookie scoped to {@code /api/auth}, where
 * no script (an XSS included) can read it. A client opts in with {@code X-Session-Cookie: 1} on sign-up, login,
 * accepting an invitation, refresh and logout; its answers then carry the token only in the cookie. Clients that do
 * not ask keep the token in the body, as before. {@code Secure} whenever the browser came over HTTPS.
 */
@Component
class RefreshCookie {
    static final String NAME = "wpm_refresh";
    static final String OPT_IN_HEADER = "X-Session-Cookie";
    private static final String PATH = "/api/auth";

    private final Duration maxAge;

    RefreshCookie(AuthProperties properties) {
        this.maxAge = properties.refreshTokenTtl();
    }

    boolean wanted(HttpServletRequest request) {
        return "1".equals(request.getHeader(OPT_IN_HEADER));
    }

    Optional<String> presented(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty() : Arrays.stream(cookies)
                .filter(c -> NAME.equals(c.getName()) && !c.getValue().isBlank()).map(Cookie::getValue).findFirst();
    }

    void set(HttpServletRequest request, HttpServletResponse response, String refreshToken) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, refreshToken, maxAge).toString());
    }

    void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, "", Duration.ZERO).toString());
    }

    private static ResponseCookie cookie(HttpServletRequest request, String value, Duration maxAge) {
        boolean https = request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
        return ResponseCookie.from(NAME, value).httpOnly(true).secure(https).sameSite("Strict").path(PATH)
                .maxAge(maxAge).build();
    }
}
