package com.webprometrics.command.reports;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

/**
 * {@code wpm.reports.*}: when scheduled reports go out, how deliveries are retried, where the query side renders
 * files, and the SMTP server ({@code smtp.host} empty = no server: every delivery fails visibly).
 */
@ConfigurationProperties("wpm.reports")
public record ReportProperties(int deliveryHour, Duration deliveryCheck, boolean sendOnRequest, int maxAttempts,
                               Duration retryBackoff, Duration lease, URI queryUrl, Duration renderTimeout,
                               Duration renderTokenTtl, Smtp smtp) {

    public ReportProperties {
        if (deliveryHour < 0 || deliveryHour > 23) {
            throw new IllegalArgumentException("wpm.reports.delivery-hour must be between 0 and 23");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("wpm.reports.max-attempts must be at least 1");
        }
    }

    public record Smtp(String host, int port, String username, String password, String from, boolean starttls,
                       Duration timeout) {
        public boolean configured() {
            return host != null && !host.isBlank();
        }
    }
}
