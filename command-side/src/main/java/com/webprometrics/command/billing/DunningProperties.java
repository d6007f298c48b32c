package com.webprometrics.command.billing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * {@code wpm.billing.dunning}: after an invoice's first failed charge, when it is tried again (each an offset from that
 * first failure, in order), and how long a subscription stays suspended after the last before it is canceled.
 */
@ConfigurationProperties("wpm.billing.dunning")
public record DunningProperties(List<Duration> retries, Duration grace) {
    public DunningProperties {
        retries = retries == null ? List.of() : List.copyOf(retries);
        for (int i = 0; i < retries.size(); i++) {
            if (retries.get(i).isNegative() || i > 0 && retries.get(i).compareTo(retries.get(i - 1)) <= 0) {
                throw new IllegalArgumentException("wpm.billing.dunning.retries must be increasing offsets: " + retries);
            }
        }
        if (grace == null || grace.isNegative()) {
            throw new IllegalArgumentException("wpm.billing.dunning.grace must be a duration of zero or more");
        }
    }
}
