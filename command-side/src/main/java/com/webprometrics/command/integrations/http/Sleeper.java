package com.webprometrics.command.integrations.http;

import java.time.Duration;

/** How a back-off waits; tests swap in one that records the wait and returns at once. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());
}
