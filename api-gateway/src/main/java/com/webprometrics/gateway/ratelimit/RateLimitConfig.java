package com.webprometrics.gateway.ratelimit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

@Configuration
@EnableScheduling
public class RateLimitConfig {

    private static final Logger log = LoggerFactory.getLogger(RateLimitConfig.class);

    @Bean
    RateLimiter rateLimiter(DataSource dataSource, RateLimitProperties properties) {
        return new RateLimiter(dataSource, properties);
    }

    @Bean
    ExpiredBucketSweeper expiredBucketSweeper(RateLimiter rateLimiter) {
        return new ExpiredBucketSweeper(rateLimiter);
    }

    /** Deletes fully refilled buckets now and then so the table holds only active keys. */
    public static class ExpiredBucketSweeper {
        private final RateLimiter rateLimiter;

        ExpiredBucketSweeper(RateLimiter rateLimiter) {
            this.rateLimiter = rateLimiter;
        }

        @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT5M")
        public void sweep() {
            try {
                int removed;
                do {
                    removed = rateLimiter.sweepExpired(1000);
                } while (removed >= 1000);
            } catch (RuntimeException e) {
                log.warn("could not sweep expired rate-limit buckets: {}", e.toString());
            }
        }
    }
}
