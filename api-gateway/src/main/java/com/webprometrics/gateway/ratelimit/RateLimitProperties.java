package com.webprometrics.gateway.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rate-limit budgets ({@code wpm.rate-limit.*}); see application.yml for the environment variables.
 *
 * @param authIp             signup/login/accept-invitation per client IP
 * @param authAccountAddress signup/login per lower-cased e-mail of the body and client IP
 * @param authAccount        signup/login per lower-cased e-mail, from every address together: the ceiling on
 *                           guesses at one account (ASVS: at most 100 failed attempts an hour)
 * @param anonymous          every other {@code /api} request without a valid token, per client IP
 * @param webhook            payment-provider webhooks (authenticated by their signature), per client IP
 * @param user               signed-in requests per user ({@code sub})
 */
@ConfigurationProperties("wpm.rate-limit")
public record RateLimitProperties(
        boolean enabled,
        Budget authIp,
        Budget authAccountAddress,
        Budget authAccount,
        Budget anonymous,
        Budget webhook,
        Budget user,
        Sync userSync,
        int localBucketCacheSize) {

    public RateLimitProperties {
        if (authIp == null) authIp = new Budget(5, Duration.ofMinutes(15));
        if (authAccountAddress == null) authAccountAddress = new Budget(5, Duration.ofMinutes(15));
        if (authAccount == null) authAccount = new Budget(100, Duration.ofHours(1));
        if (anonymous == null) anonymous = new Budget(100, Duration.ofMinutes(15));
        if (webhook == null) webhook = new Budget(60000, Duration.ofMinutes(1));
        if (user == null) user = new Budget(1000, Duration.ofMinutes(15));
        if (userSync == null) userSync = new Sync(20, Duration.ofSeconds(1));
        if (localBucketCacheSize <= 0) localBucketCacheSize = 50_000;
    }

    public record Budget(long capacity, Duration period) {
        public Budget {
            if (capacity <= 0) throw new IllegalArgumentException("rate-limit capacity must be > 0");
            if (period == null || period.isZero() || period.isNegative()) period = Duration.ofMinutes(15);
        }
    }

    /**
     * How far a gateway instance may run ahead of the shared (PostgreSQL) state of a signed-in
     * user's bucket before it synchronises: at most {@code maxUnsyncedTokens} tokens or
     * {@code maxUnsyncedTime}, whichever comes first. 0 tokens = synchronise on every request.
     */
    public record Sync(long maxUnsyncedTokens, Duration maxUnsyncedTime) {
        public Sync {
            if (maxUnsyncedTokens < 0) maxUnsyncedTokens = 0;
            if (maxUnsyncedTime == null) maxUnsyncedTime = Duration.ofSeconds(1);
        }
    }
}
