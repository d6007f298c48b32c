package com.webprometrics.query.audit;

import com.webprometrics.auditlog.CheckpointKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The checkpoint key as the command side publishes it, fetched (and remembered for five minutes) so that
 * {@code /api/audit/verify} does not trust the public key stored beside the checkpoints: someone who can write the
 * database could otherwise re-sign a rewritten log with a key of their own.
 */
@Component
class PublishedCheckpointKey {
    private static final Logger log = LoggerFactory.getLogger(PublishedCheckpointKey.class);
    private final URI url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile CheckpointKey key;
    private volatile long fetchedAt;

    PublishedCheckpointKey(@Value("${wpm.audit.checkpoint-key-url}") URI url) {
        this.url = url;
    }

    Optional<CheckpointKey> get() {
        if (key == null || System.currentTimeMillis() - fetchedAt > 300_000) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(3))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    key = CheckpointKey.fromJwk(response.body());
                    fetchedAt = System.currentTimeMillis();
                }
            } catch (java.io.IOException | RuntimeException e) {
                log.warn("Could not fetch the published checkpoint key from {}: {}", url, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return Optional.ofNullable(key);
    }
}
