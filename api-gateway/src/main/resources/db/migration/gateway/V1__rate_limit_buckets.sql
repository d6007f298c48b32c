-- Bucket4j shared token buckets (io.github.bucket4j.postgresql, select-for-update strategy).
-- id is the bucket key, e.g. 'auth-ip:203.0.113.7', 'user:<sub>'; state is Bucket4j's binary state;
-- expires_at (epoch millis) lets expired buckets be swept (RateLimiter#sweepExpired).
CREATE TABLE gateway.rate_limit_bucket (
    id         VARCHAR(300) PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
CREATE INDEX rate_limit_bucket_expires_at_idx ON gateway.rate_limit_bucket (expires_at);
