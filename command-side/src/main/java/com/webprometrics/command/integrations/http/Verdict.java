package com.webprometrics.command.integrations.http;

import java.time.Duration;

/**
 * What a provider's answer means for the sync (the error classes of the wire-format reference, §1.1).
 *
 * @param hint      how long the provider asked us to wait (Google Ads {@code retryDelay}, Meta's minutes to
 *                  regain access), or null; a {@code Retry-After} header is read by {@link ProviderHttp} itself
 * @param minDelay  the shortest exponential back-off that makes sense without a hint (Meta throttles: 60 s)
 * @param noRetry   a quota that will not refill within a sync (a daily budget): fail at once
 * @param message   the provider's own words, for the integration's last error
 */
public record Verdict(Kind kind, Duration hint, Duration minDelay, boolean noRetry, String message) {

    public enum Kind {
        /** 2xx */
        OK,
        /** the access token expired or is invalid, a refresh may help (Google) */
        AUTH_EXPIRED,
        /** the grant is gone: reconnect (Google invalid_grant, Meta 190) */
        AUTH_REVOKED,
        /** no access to the property/account/site any more */
        PERMISSION,
        /** 429 / quota: back off with the hint, bounded */
        RATE_LIMITED,
        /** 5xx, timeouts, resets: back off exponentially, bounded */
        TRANSIENT,
        /** any other refusal: the request is wrong, retrying cannot help */
        PERMANENT
    }

    public static Verdict ok() {
        return new Verdict(Kind.OK, null, null, false, null);
    }

    public static Verdict of(Kind kind, String message) {
        return new Verdict(kind, null, null, false, message);
    }

    public Verdict withHint(Duration hint) {
        return new Verdict(kind, hint, minDelay, noRetry, message);
    }

    public Verdict withMinDelay(Duration minDelay) {
        return new Verdict(kind, hint, minDelay, noRetry, message);
    }

    public Verdict withoutRetry() {
        return new Verdict(kind, hint, minDelay, true, message);
    }
}
