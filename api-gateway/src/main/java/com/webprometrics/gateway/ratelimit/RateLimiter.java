package com.webprometrics.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

/**
 * Token buckets shared by every gateway instance through PostgreSQL (table
 * {@code gateway.rate_limit_bucket}, Bucket4j select-for-update strategy, String keys).
 *
 * <p>Cost per request: auth entry points and anonymous API calls consume synchronously (one Bucket4j
 * transaction per bucket: the IP bucket, plus for signup/login the account-and-address bucket and the
 * account's ceiling, each only when the one before allowed it). Signed-in users — the hot path — and payment
 * webhooks use Bucket4j's "delaying" optimisation: each instance keeps a local copy of the bucket and writes through to PostgreSQL only after
 * {@code wpm.rate-limit.user-sync.max-unsynced-tokens} tokens or {@code max-unsynced-time}, so most
 * signed-in requests and webhooks cost no DB round trip; the price is that a cluster of N instances may overshoot
 * a budget by at most N × max-unsynced-tokens per sync interval.
 */
public class RateLimiter {

    public enum Kind { AUTH_IP, AUTH_ACCOUNT_ADDRESS, AUTH_ACCOUNT, ANONYMOUS, WEBHOOK, USER }

    /** Outcome of one consumption: allowed or not, tokens left, seconds until a token is back. */
    public record Decision(boolean allowed, long remaining, long retryAfterSeconds) {
    }

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> proxyManager;
    private final Map<Kind, BucketConfiguration> configurations;
    private final RateLimitProperties properties;
    private final Map<String, BucketProxy> localBuckets = new ConcurrentHashMap<>();

    public RateLimiter(DataSource dataSource, RateLimitProperties properties) {
        this.properties = properties;
        this.proxyManager = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("gateway.rate_limit_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofMinutes(1)))
                .build();
        this.configurations = Map.of(
                Kind.AUTH_IP, strict(properties.authIp()),
                Kind.AUTH_ACCOUNT_ADDRESS, strict(properties.authAccountAddress()),
                Kind.AUTH_ACCOUNT, strict(properties.authAccount()),
                Kind.ANONYMOUS, greedy(properties.anonymous()),
                Kind.WEBHOOK, greedy(properties.webhook()),
                Kind.USER, greedy(properties.user()));
    }

    /** "N per period", refilled all at once at the end of the period (for the auth brute-force limits). */
    private static BucketConfiguration strict(RateLimitProperties.Budget budget) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(budget.capacity())
                        .refillIntervally(budget.capacity(), budget.period()).build())
                .build();
    }

    /** "N per period" as a classic token bucket: a burst of N, then refilled continuously. */
    private static BucketConfiguration greedy(RateLimitProperties.Budget budget) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(budget.capacity())
                        .refillGreedy(budget.capacity(), budget.period()).build())
                .build();
    }

    public Decision consume(Kind kind, String key) {
        BucketProxy bucket = kind == Kind.USER || kind == Kind.WEBHOOK ? localBucket(kind, key) : sharedBucket(kind, key);
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        long retryAfter = probe.isConsumed() ? 0 : Math.max(1, ceilSeconds(probe.getNanosToWaitForRefill()));
        return new Decision(probe.isConsumed(), probe.getRemainingTokens(), retryAfter);
    }

    /** Gives back the token an attempt took once it turned out not to count (a successful sign-in). */
    public void refund(Kind kind, String key) {
        sharedBucket(kind, key).addTokens(1);
    }

    private BucketProxy sharedBucket(Kind kind, String key) {
        return proxyManager.builder()
                .withImplicitConfigurationReplacement(version(kind), TokensInheritanceStrategy.PROPORTIONALLY)
                .build(bucketKey(kind, key), supplier(kind));
    }

    /**
     * A bucket counted here and synchronised with the stored one every few tokens: signed-in users, and the payment
     * provider's webhooks (a renewal run's burst from a few addresses would otherwise queue on one row's lock).
     */
    private BucketProxy localBucket(Kind kind, String key) {
        if (localBuckets.size() >= properties.localBucketCacheSize()) {
            // Crude bound on memory; a dropped entry only loses its not-yet-synchronised tokens.
            localBuckets.clear();
        }
        return localBuckets.computeIfAbsent(bucketKey(kind, key), k -> proxyManager.builder()
                .withImplicitConfigurationReplacement(version(kind), TokensInheritanceStrategy.PROPORTIONALLY)
                .withOptimization(Optimizations.delaying(new DelayParameters(
                        properties.userSync().maxUnsyncedTokens(), properties.userSync().maxUnsyncedTime())))
                .build(k, supplier(kind)));
    }

    /**
     * Stored buckets keep the configuration they were created with; a version derived from the configured
     * budget makes a changed budget replace it (keeping the same share of tokens) instead of waiting
     * for every stored bucket to expire.
     */
    private long version(Kind kind) {
        return configurations.get(kind).toString().hashCode() & 0x7fffffffL;
    }

    private Supplier<BucketConfiguration> supplier(Kind kind) {
        BucketConfiguration configuration = configurations.get(kind);
        return () -> configuration;
    }

    static String bucketKey(Kind kind, String key) {
        String prefix = switch (kind) {
            case AUTH_IP -> "auth-ip:";
            case AUTH_ACCOUNT_ADDRESS -> "auth-account-address:";
            case AUTH_ACCOUNT -> "auth-account:";
            case ANONYMOUS -> "anon:";
            case WEBHOOK -> "webhook:";
            case USER -> "user:";
        };
        String full = prefix + key;
        // The id column is VARCHAR(300); absurdly long keys (e.g. a crafted e-mail) are hashed.
        return full.length() <= 250 ? full : prefix + "sha256:" + sha256(key);
    }

    private static String sha256(String value) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long ceilSeconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }

    /** Deletes buckets that have fully refilled (they would be recreated identical); returns how many. */
    public int sweepExpired(int batchSize) {
        return proxyManager.removeExpired(batchSize);
    }
}
