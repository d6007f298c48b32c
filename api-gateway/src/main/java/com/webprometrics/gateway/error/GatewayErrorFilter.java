package com.webprometrics.gateway.error;

import com.webprometrics.websecurity.ProblemWriter;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.web.filter.OncePerRequestFilter;

import com.webprometrics.gateway.body.BodyLimitFilter;
import com.webprometrics.gateway.body.PayloadTooLargeException;

/**
 * Last line of defence: any exception that escapes the chain (backend unreachable, body over the
 * limit while streaming, JWKS unavailable, bugs) becomes a problem+json answer, never a stack trace.
 */
public class GatewayErrorFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
        try {
            chain.doFilter(request, response);
        } catch (Exception e) {
            handle(request, response, e);
        }
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return true;
    }

    static void handle(HttpServletRequest request, HttpServletResponse response, Throwable e) throws IOException {
        PayloadTooLargeException tooLarge = find(e, PayloadTooLargeException.class);
        if (tooLarge != null) {
            log.info("{} {}: {}", request.getMethod(), request.getRequestURI(), tooLarge.getMessage());
            BodyLimitFilter.reject(request, response, tooLarge.limit());
            return;
        }
        if (find(e, AuthenticationServiceException.class) != null) {
            log.warn("{} {}: token could not be checked: {}", request.getMethod(), request.getRequestURI(),
                    rootMessage(e));
            response.setHeader("Retry-After", "5");
            ProblemWriter.write(request, response, 503, "internal", "Service Unavailable",
                    "The access token cannot be verified right now; try again shortly.");
            return;
        }
        if (find(e, ConnectException.class) != null || find(e, NoRouteToHostException.class) != null
                || find(e, UnknownHostException.class) != null) {
            log.warn("{} {}: backend unreachable: {}", request.getMethod(), request.getRequestURI(), rootMessage(e));
            response.setHeader("Retry-After", "5");
            ProblemWriter.write(request, response, 503, "internal", "Service Unavailable",
                    "The service behind this route is not reachable right now; try again shortly.");
            return;
        }
        if (find(e, SocketTimeoutException.class) != null) {
            log.warn("{} {}: backend timed out: {}", request.getMethod(), request.getRequestURI(), rootMessage(e));
            ProblemWriter.write(request, response, 502, "internal", "Bad Gateway",
                    "The service behind this route did not answer in time.");
            return;
        }
        if (find(e, IOException.class) != null) {
            if (response.isCommitted()) {
                log.info("{} {}: connection failed mid-response: {}", request.getMethod(), request.getRequestURI(),
                        rootMessage(e));
                return;
            }
            log.warn("{} {}: backend exchange failed: {}", request.getMethod(), request.getRequestURI(),
                    rootMessage(e));
            ProblemWriter.write(request, response, 502, "internal", "Bad Gateway",
                    "The service behind this route answered with an error the gateway could not relay.");
            return;
        }
        log.error("{} {}: unexpected error", request.getMethod(), request.getRequestURI(), e);
        ProblemWriter.write(request, response, 500, "internal", "Internal Server Error",
                "Something went wrong in the gateway.");
    }

    static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) return type.cast(t);
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
