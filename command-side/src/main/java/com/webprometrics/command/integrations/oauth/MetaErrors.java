package com.webprometrics.command.integrations.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.webprometrics.command.integrations.http.ProviderHttp;
import com.webprometrics.command.integrations.http.Verdict;

import java.time.Duration;
import java.util.Iterator;

/**
 * Graph API errors (wire-format reference §6.5): classified on {@code error.code}/{@code error_subcode}, not
 * on the HTTP status (Meta answers 400 even for expired tokens and throttling).
 */
public final class MetaErrors {
    /** Without a hint Meta's throttles are waited out no faster than this (reference §6.6). */
    static final Duration THROTTLE_MIN_DELAY = Duration.ofSeconds(60);

    private MetaErrors() {
    }

    public static Verdict verdict(ProviderHttp.Answer answer) {
        JsonNode body = GoogleOAuth.parse(answer.body());
        JsonNode error = body.path("error");
        int status = answer.status();
        if (status >= 200 && status < 300 && error.isMissingNode()) {
            return Verdict.ok();
        }
        int code = error.path("code").asInt(-1);
        String message = error.path("message").asText(status >= 500 ? "HTTP " + status : null);
        if (code == 190 || code == 102) {
            return Verdict.of(Verdict.Kind.AUTH_REVOKED, message);
        }
        if (code == 10 || (code >= 200 && code <= 299)) {
            return Verdict.of(Verdict.Kind.PERMISSION, message);
        }
        if (code == 4 || code == 17 || code == 32 || code == 341 || code == 613 || (code >= 80000 && code <= 80014)
                || status == 429) {
            Duration hint = minutesToRegainAccess(answer);
            return Verdict.of(Verdict.Kind.RATE_LIMITED, message).withHint(hint).withMinDelay(THROTTLE_MIN_DELAY);
        }
        if (code == 1 || code == 2 || error.path("is_transient").asBoolean(false) || status >= 500 || status == 408) {
            return Verdict.of(Verdict.Kind.TRANSIENT, message);
        }
        return Verdict.of(Verdict.Kind.PERMANENT, message == null ? "HTTP " + status : message);
    }

    /** The largest {@code estimated_time_to_regain_access} (minutes) in {@code X-Business-Use-Case-Usage}, or null when 0 or absent. */
    static Duration minutesToRegainAccess(ProviderHttp.Answer answer) {
        String header = answer.headers().firstValue("X-Business-Use-Case-Usage").orElse(null);
        if (header == null) {
            return null;
        }
        long minutes = 0;
        for (Iterator<JsonNode> objects = GoogleOAuth.parse(header).elements(); objects.hasNext(); ) {
            for (JsonNode usage : objects.next()) {
                minutes = Math.max(minutes, usage.path("estimated_time_to_regain_access").asLong(0));
            }
        }
        return minutes > 0 ? Duration.ofMinutes(minutes) : null;
    }
}
