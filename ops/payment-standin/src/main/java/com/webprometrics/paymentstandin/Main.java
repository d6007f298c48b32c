package com.webprometrics.paymentstandin;

import java.net.URI;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar payment-standin.jar}: the stand-in on 127.0.0.1, configured from the environment (./wpm up sets
 * it when no provider key is configured): {@code WPM_PAYMENT_STANDIN_PORT} (8099), {@code WPM_PAYMENT_SECRET_KEY},
 * {@code WPM_PAYMENT_WEBHOOK_SECRET}, {@code WPM_PAYMENT_WEBHOOK_URL} (where events go) and
 * {@code WPM_PAYMENT_STANDIN_PUBLIC_URL} (where a browser reaches it; http://localhost:port) and
 * {@code WPM_PAYMENT_STANDIN_STATE} (a file that keeps its objects across restarts; none: memory only).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(env("WPM_PAYMENT_STANDIN_PORT", "8099"));
        URI publicUrl = URI.create(env("WPM_PAYMENT_STANDIN_PUBLIC_URL", "http://localhost:" + port));
        StandIn standIn = new StandIn(port, publicUrl, required("WPM_PAYMENT_SECRET_KEY"),
                required("WPM_PAYMENT_WEBHOOK_SECRET"), URI.create(required("WPM_PAYMENT_WEBHOOK_URL")),
                Clock.systemUTC(), System.getenv("WPM_PAYMENT_STANDIN_STATE") == null ? null
                        : java.nio.file.Path.of(System.getenv("WPM_PAYMENT_STANDIN_STATE")));
        System.out.println("payment stand-in listening on " + publicUrl);
        Runtime.getRuntime().addShutdownHook(new Thread(standIn::close));
        new CountDownLatch(1).await();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            System.err.println(name + " is not set");
            System.exit(2);
        }
        return value;
    }
}
