package com.webprometrics.command.integrations.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.webprometrics.command.integrations.http.ProviderHttp;
import com.webprometrics.command.integrations.http.Verdict;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The Google RPC error envelope shared by GA4, Google Ads and Search Console (wire-format reference §2.6,
 * §5.5), classified on {@code error.status} and the HTTP status, never on message text — except GA4's
 * hourly and daily token buckets, which only the message tells apart from the short "concurrent requests"
 * one. Google Ads may wrap the envelope in the stream's array.
 */
public final class GoogleErrors {
    private static final Pattern LONG_QUOTA = Pattern.compile("per (day|hour|project per hour)");

    private GoogleErrors() {
    }

    public static Verdict verdict(ProviderHttp.Answer answer) {
        JsonNode body = Json.parse(answer.body());
        JsonNode error = errorOf(body);
        int status = answer.status();
        if (status >= 200 && status < 300 && error.isMissingNode()) {
            return Verdict.ok();
        }
        String rpcStatus = error.path("status").asText("");
        JsonNode adsError = adsFailure(error);
        String message = error.path("message").asText("HTTP " + status);
        String adsMessage = adsError.path("message").asText("");
        if (!adsMessage.isEmpty() && !adsMessage.equals(message)) {
            message = message + " " + adsMessage;
        }
        JsonNode errorCode = adsError.path("errorCode");
        String quotaError = errorCode.path("quotaError").asText("");
        if (status == 401 || rpcStatus.equals("UNAUTHENTICATED")) {
            return Verdict.of(Verdict.Kind.AUTH_EXPIRED, message);
        }
        if (status == 403 || rpcStatus.equals("PERMISSION_DENIED") || quotaError.equals("ACCESS_PROHIBITED")) {
            return Verdict.of(Verdict.Kind.PERMISSION, message);
        }
        if (status == 429 || rpcStatus.equals("RESOURCE_EXHAUSTED")) {
            Verdict limited = Verdict.of(Verdict.Kind.RATE_LIMITED, message)
                    .withHint(duration(adsError.path("details").path("quotaErrorDetails").path("retryDelay").asText(null)));
            // a daily Ads budget, or GA4's hourly/daily token buckets, do not refill within a sync
            boolean longQuota = quotaError.equals("RESOURCE_EXHAUSTED")
                    || LONG_QUOTA.matcher(message.toLowerCase(Locale.ROOT)).find();
            return longQuota && limited.hint() == null ? limited.withoutRetry() : limited;
        }
        if (status >= 500 || status == 408 || rpcStatus.equals("INTERNAL") || rpcStatus.equals("UNKNOWN")
                || rpcStatus.equals("UNAVAILABLE") || rpcStatus.equals("DEADLINE_EXCEEDED")) {
            return Verdict.of(Verdict.Kind.TRANSIENT, message);
        }
        return Verdict.of(Verdict.Kind.PERMANENT, message);
    }

    /** {@code error} of the envelope, also inside Google Ads' stream array; missing when there is none. */
    static JsonNode errorOf(JsonNode body) {
        if (body.isArray()) {
            for (JsonNode element : body) {
                if (element.has("error")) {
                    return element.get("error");
                }
            }
            return body.path("error");
        }
        return body.path("error");
    }

    /** The first {@code GoogleAdsFailure.errors[]} entry, or a missing node. */
    private static JsonNode adsFailure(JsonNode error) {
        for (JsonNode detail : error.path("details")) {
            if (detail.path("errors").isArray() && !detail.path("errors").isEmpty()) {
                return detail.path("errors").get(0);
            }
        }
        return error.path("no-ads-failure");
    }

    /** A protobuf Duration string such as {@code "30s"} or {@code "1.5s"}. */
    static Duration duration(String text) {
        if (text == null || !text.endsWith("s")) {
            return null;
        }
        try {
            return Duration.ofMillis(new BigDecimal(text.substring(0, text.length() - 1)).movePointRight(3).longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }
}
