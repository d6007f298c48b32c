package com.webprometrics.gateway.routing;

import java.io.IOException;

import org.apache.hc.core5.http.HttpHost;

import com.webprometrics.websecurity.ApiPaths;
import com.webprometrics.websecurity.ProblemWriter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The end of every {@code /api} request that got through security and the rate limit: passed to the backend
 * {@link Routes} names, or answered 404 here. A servlet filter rather than a Spring MVC handler, so a proxied request
 * skips the dispatcher, handler mapping and route predicates — a tenth of the gateway's CPU per request
 * (docs/benchmarks.md). Everything else (the SPA, health, actuator) goes on down the chain. Exchanges are timed by
 * {@link ProxyTimers}.
 */
public final class ApiProxyFilter extends HttpFilter {
    private final Routes routes;
    private final BackendProxy proxy;
    private final HttpHost commandSide;
    private final HttpHost querySide;
    private final ProxyTimers timers;

    ApiProxyFilter(Routes routes, BackendProxy proxy, HttpHost commandSide, HttpHost querySide, ProxyTimers timers) {
        this.routes = routes;
        this.proxy = proxy;
        this.commandSide = commandSide;
        this.querySide = querySide;
        this.timers = timers;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI();
        if (!ApiPaths.isApi(path)) {
            chain.doFilter(request, response);
            return;
        }
        Routes.Target target = routes.target(request.getMethod(), path);
        if (target == Routes.Target.NOT_FOUND) {
            ProblemWriter.write(request, response, 404, "not-found", "Not Found", "There is no such API resource.");
            return;
        }
        long start = System.nanoTime();
        try {
            proxy.forward(request, response, target == Routes.Target.COMMAND_SIDE ? commandSide : querySide);
        } catch (IOException | RuntimeException e) {
            timers.failed(target, start);
            throw e;
        }
        timers.answered(target, response.getStatus(), start);
    }
}
