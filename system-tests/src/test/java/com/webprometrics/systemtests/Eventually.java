package com.webprometrics.systemtests;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waiting, as a client must, for something the stack finishes in the background (a sync, a projection):
 * ask again until the answer says it is done, within a deadline. Fails with the last answer.
 */
public final class Eventually {
    private Eventually() {
    }

    public static ApiResponse await(String what, Duration deadline, Supplier<ApiResponse> ask,
                                    Predicate<ApiResponse> done) {
        long end = System.nanoTime() + deadline.toNanos();
        ApiResponse last = ask.get();
        while (!done.test(last)) {
            if (System.nanoTime() > end) {
                throw new AssertionError(what + " did not happen within " + deadline.toSeconds() + " s; last answer: " + last);
            }
            pause();
            last = ask.get();
        }
        return last;
    }

    /** The integration's first (or next) sync has finished: status connected with a last sync time, or error. */
    public static ApiResponse synced(Api api, String token, String clientId, String integrationId) {
        return await("the sync of " + integrationId, Duration.ofSeconds(90),
                () -> api.get("/api/clients/" + clientId + "/integrations", token),
                r -> {
                    JsonNode integration = r.status() == 200 ? integration(r, integrationId) : null;
                    return integration != null && integration.hasNonNull("lastSyncAt")
                            && !"syncing".equals(integration.path("status").asText());
                });
    }

    /** The dashboard's metrics read model holds a provider's days up to {@code day} (its sync's days are all projected). */
    public static ApiResponse dataThrough(Api api, String token, String clientId, String provider, LocalDate day) {
        return await(provider + " data through " + day, Duration.ofSeconds(60),
                () -> api.get("/api/clients/" + clientId + "/dashboard", token),
                r -> {
                    for (JsonNode f : r.json().path("freshness")) {
                        if (provider.equals(f.path("provider").asText()) && f.hasNonNull("dataThrough")
                                && !LocalDate.parse(f.path("dataThrough").asText()).isBefore(day)) {
                            return true;
                        }
                    }
                    return false;
                });
    }

    static JsonNode integration(ApiResponse r, String id) {
        for (JsonNode i : r.json()) {
            if (id.equals(i.path("id").asText())) {
                return i;
            }
        }
        return null;
    }

    private static void pause() {
        try {
            Thread.sleep(Duration.ofMillis(200).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
