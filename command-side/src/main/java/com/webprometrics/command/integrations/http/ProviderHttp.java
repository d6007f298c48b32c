package com.webprometrics.command.integrations.http;

import com.webprometrics.command.integrations.ProviderFailure;
import com.webprometrics.command.integrations.ProviderProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One provider request with the shared retry policy (wire-format reference §1.2): 429 and 5xx are retried
 * at most {@code maxAttempts} times, waiting the {@code Retry-After} header, else the provider's hint, else
 * an exponential back-off; a wait above {@code waitCeiling} (or waits adding up to more) fails the sync as
 * quota rather than holding a sync thread. Auth, permission and malformed-request answers are never retried
 * (retrying 4xx costs quota). Nothing here logs a URL, header or body: they may carry tokens.
 */
public class ProviderHttp {
    private static final Logger log = LoggerFactory.getLogger(ProviderHttp.class);
    private static final int MAX_MESSAGE = 300;
    /** A request with less time than this left before the sync's deadline is not sent. */
    private static final Duration MIN_REQUEST_TIME = Duration.ofSeconds(5);

    private final HttpClient client;
    private final ProviderProperties.Http policy;
    private final Sleeper sleeper;
    private final Clock clock;

    public ProviderHttp(ProviderProperties.Http policy, Sleeper sleeper, Clock clock) {
        this.policy = policy;
        this.sleeper = sleeper;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(policy.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public record Answer(int status, HttpHeaders headers, String body) {
        @Override
        public String toString() {
            return "Answer[status=" + status + "]";
        }
    }

    /**
     * Sends {@code request} (built afresh for every attempt), classifies each answer and retries as above.
     *
     * @return the answer when it is {@link Verdict.Kind#OK} or {@link Verdict.Kind#AUTH_EXPIRED} (the caller
     *         refreshes the token and asks again)
     * @throws ProviderFailure for every other outcome, with the reason the sync records
     */
    public Answer exchange(String provider, Supplier<HttpRequest> request, Function<Answer, Verdict> classify) {
        Duration waited = Duration.ZERO;
        for (int attempt = 1; ; attempt++) {
            Answer answer = null;
            Verdict verdict;
            Duration left = timeLeft();
            if (left != null && left.compareTo(MIN_REQUEST_TIME) < 0) {
                throw outOfTime(provider);
            }
            Duration timeout = left != null && left.compareTo(policy.readTimeout()) < 0 ? left : policy.readTimeout();
            try {
                HttpRequest built = request.get();
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(built, (name, value) -> true)
                        .timeout(timeout).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                answer = new Answer(response.statusCode(), response.headers(), response.body());
                verdict = classify.apply(answer);
            } catch (IOException e) {
                verdict = Verdict.of(Verdict.Kind.TRANSIENT, "no answer (" + e.getClass().getSimpleName() + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderFailure(ProviderFailure.PROVIDER, "The sync was interrupted.");
            }
            String message = shorten(verdict.message());
            switch (verdict.kind()) {
                case OK, AUTH_EXPIRED -> {
                    return answer;
                }
                case AUTH_REVOKED -> throw ProviderFailure.authorizationLost();
                case PERMISSION -> throw new ProviderFailure(ProviderFailure.PERMISSION,
                        provider + " refused access" + suffix(message) + " Check that the connected account still has "
                                + "access, or reconnect with one that has.");
                case PERMANENT -> throw new ProviderFailure(ProviderFailure.INVALID,
                        provider + " rejected the request" + suffix(message));
                default -> {
                    // RATE_LIMITED or TRANSIENT: wait and try again, within bounds
                }
            }
            boolean limited = verdict.kind() == Verdict.Kind.RATE_LIMITED;
            Duration retryAfter = answer == null ? null : retryAfter(answer.headers());
            Duration hint = retryAfter != null ? retryAfter : verdict.hint();
            if (verdict.noRetry() && retryAfter == null) {
                throw quota(provider, message, hint);
            }
            if (attempt >= policy.maxAttempts()) {
                throw limited ? quota(provider, message, hint)
                        : new ProviderFailure(ProviderFailure.PROVIDER, provider + " failed " + attempt + " times"
                        + suffix(message) + " The next sync tries again.");
            }
            Duration delay = hint != null ? hint : backoff(attempt, verdict.minDelay());
            Duration remaining = timeLeft();
            if (remaining != null && delay.plus(MIN_REQUEST_TIME).compareTo(remaining) > 0) {
                throw limited || hint != null ? quota(provider, message, delay) : outOfTime(provider);
            }
            if (delay.compareTo(policy.waitCeiling()) > 0 || waited.plus(delay).compareTo(policy.waitCeiling()) > 0) {
                throw limited || hint != null ? quota(provider, message, delay)
                        : new ProviderFailure(ProviderFailure.PROVIDER, provider + " kept failing" + suffix(message)
                        + " The next sync tries again.");
            }
            log.info("{} answered {}; trying again in {} (attempt {} of {})", provider,
                    answer == null ? "nothing" : answer.status(), human(delay), attempt + 1, policy.maxAttempts());
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderFailure(ProviderFailure.PROVIDER, "The sync was interrupted.");
            }
            waited = waited.plus(delay);
        }
    }

    /** Time left before the running sync's {@link SyncDeadline}; null when there is none. */
    private Duration timeLeft() {
        Instant deadline = SyncDeadline.current();
        return deadline == null ? null : Duration.between(clock.instant(), deadline);
    }

    private static ProviderFailure outOfTime(String provider) {
        return new ProviderFailure(ProviderFailure.PROVIDER, provider + " answered too slowly to finish the sync in "
                + "its time limit. The next sync tries again.");
    }

    /** Delay before attempt {@code attempt + 1}: base·2^(attempt−1), at least {@code min}, at most the cap, half of it jittered. */
    private Duration backoff(int attempt, Duration min) {
        long base = policy.baseDelay().toMillis() << Math.min(attempt - 1, 20);
        long millis = Math.min(policy.maxDelay().toMillis(), Math.max(base, min == null ? 0 : min.toMillis()));
        long half = millis / 2;
        return Duration.ofMillis(half + (half == 0 ? 0 : ThreadLocalRandom.current().nextLong(half + 1)));
    }

    /** {@code Retry-After} as seconds or an HTTP date; null when absent or unreadable. */
    Duration retryAfter(HttpHeaders headers) {
        String value = headers.firstValue("Retry-After").map(String::trim).orElse(null);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.chars().allMatch(Character::isDigit)) {
            return Duration.ofSeconds(Long.parseLong(value.length() > 9 ? "999999999" : value));
        }
        try {
            Duration until = Duration.between(clock.instant(),
                    ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return until.isNegative() ? Duration.ZERO : until;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static ProviderFailure quota(String provider, String message, Duration wait) {
        return new ProviderFailure(ProviderFailure.QUOTA, provider + " rate limit or quota reached" + suffix(message)
                + (wait == null ? " The next sync tries again." : " Retry after " + human(wait) + "."));
    }

    private static String suffix(String message) {
        return message == null || message.isBlank() ? "." : ": " + message + (message.endsWith(".") ? "" : ".");
    }

    private static String shorten(String message) {
        if (message == null) {
            return null;
        }
        String oneLine = message.replaceAll("\\s+", " ").trim();
        return oneLine.length() > MAX_MESSAGE ? oneLine.substring(0, MAX_MESSAGE) + "…" : oneLine;
    }

    /** 90 s → "1m 30s", 5603 s → "1h 33m 23s", 3600 s → "1h". */
    public static String human(Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        if (seconds == 0) {
            return d.toMillis() + "ms";
        }
        StringBuilder out = new StringBuilder();
        append(out, seconds / 3600, "h");
        append(out, seconds % 3600 / 60, "m");
        append(out, seconds % 60, "s");
        return out.toString();
    }

    private static void append(StringBuilder out, long amount, String unit) {
        if (amount > 0) {
            out.append(out.isEmpty() ? "" : " ").append(amount).append(unit);
        }
    }
}
