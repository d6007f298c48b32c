package com.webprometrics.gateway.routing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.concurrent.TimeUnit;

/**
 * {@code wpm.gateway.proxied}: how long each backend took to answer proxied requests, by backend and status family
 * ({@code 2xx} … {@code 5xx}, {@code failed} when the exchange broke). Made once, recorded without a lookup: Spring's
 * per-request HTTP observation did the same job for a tenth of the gateway's CPU per request (docs/benchmarks.md), so
 * {@code /api} requests are left out of {@code http.server.requests} ({@link RoutesConfig}); the backends time
 * their own side in full.
 */
final class ProxyTimers {
    private static final String[] FAMILIES = {"1xx", "2xx", "3xx", "4xx", "5xx", "failed"};
    private final Timer[][] timers = new Timer[Routes.Target.values().length][];

    ProxyTimers(MeterRegistry registry) {
        for (Routes.Target target : new Routes.Target[] {Routes.Target.COMMAND_SIDE, Routes.Target.QUERY_SIDE}) {
            Timer[] byFamily = new Timer[FAMILIES.length];
            for (int i = 0; i < FAMILIES.length; i++) {
                byFamily[i] = Timer.builder("wpm.gateway.proxied")
                        .description("Proxied API requests, from sending to the backend to the end of its answer")
                        .tag("backend", target == Routes.Target.COMMAND_SIDE ? "command-side" : "query-side")
                        .tag("status", FAMILIES[i])
                        .register(registry);
            }
            timers[target.ordinal()] = byFamily;
        }
    }

    void answered(Routes.Target target, int status, long startNanos) {
        int family = status >= 100 && status < 600 ? status / 100 - 1 : FAMILIES.length - 1;
        record(target, family, startNanos);
    }

    void failed(Routes.Target target, long startNanos) {
        record(target, FAMILIES.length - 1, startNanos);
    }

    private void record(Routes.Target target, int family, long startNanos) {
        timers[target.ordinal()][family].record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }
}
