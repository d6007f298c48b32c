package com.webprometrics.websecurity;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * One line per security event on the logger {@code wpm.security}: {@code event=… key="value" …}, with who (the
 * token's subject, or the account a sign-in named), the tenant (the token's agency), from where (client address),
 * what (method, path, outcome); when and the correlation id come from the log pattern. Every value is quoted and
 * encoded, CR, LF and other control characters included, so that nothing a client sends can forge or split a line.
 */
public final class SecurityLog {
    private static final Logger log = LoggerFactory.getLogger("wpm.security");

    private SecurityLog() {
    }

    public static Entry event(String name) {
        return new Entry(name);
    }

    /** A line being built; {@link #write()} logs it. Null values are left out. */
    public static final class Entry {
        private final StringBuilder line = new StringBuilder();

        private Entry(String name) {
            line.append("event=").append(name);
        }

        public Entry with(String key, Object value) {
            if (value != null) line.append(' ').append(key).append('=').append(quote(value.toString()));
            return this;
        }

        /** The request's method and path (no query string: it may hold what a log must not). */
        public Entry request(HttpServletRequest request) {
            return with("method", request.getMethod()).with("path", request.getRequestURI());
        }

        /** The signed-in user and agency of the current request, when a token was accepted. */
        public Entry actor() {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication instanceof JwtAuthenticationToken jwt) {
                with("actor", jwt.getToken().getSubject());
                with("tenant", jwt.getToken().getClaimAsString(TokenRules.AGENCY_CLAIM));
            }
            return this;
        }

        public void write() {
            log.info("{}", line);
        }
    }

    static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
