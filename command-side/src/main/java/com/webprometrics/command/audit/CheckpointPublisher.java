package com.webprometrics.command.audit;

import com.webprometrics.auditlog.Checkpoint;
import com.webprometrics.auditlog.Proofs;
import com.webprometrics.auditlog.SignedCheckpoint;
import com.webprometrics.auditlog.SinkLine;
import com.webprometrics.platform.audit.LogNodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Hands each signed checkpoint, with the consistency proof from the one published before it, to the sink outside
 * the database: a line appended to {@code wpm.audit.sink-file} (fsynced) and, when configured, a POST to
 * {@code wpm.audit.sink-url}. A checkpoint the sink did not take stays unpublished and is tried again next time, in
 * order (a line the file took but the URL did not is written again, identical; the verifier skips repeats); the
 * sink therefore holds an append-only chain an auditor can check with {@code ./wpm audit verify --checkpoint}. With
 * several command sides, point the file at shared storage or use the URL: whichever instance publishes writes it.
 */
@Component
class CheckpointPublisher {
    private static final Logger log = LoggerFactory.getLogger(CheckpointPublisher.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Path file;
    private final URI url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    CheckpointPublisher(JdbcTemplate jdbc, TransactionTemplate tx, AuditProperties properties) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.file = properties.sinkFile();
        this.url = properties.sinkUrl() == null || properties.sinkUrl().isBlank() ? null : URI.create(properties.sinkUrl());
    }

    /** One publisher at a time across command sides (the sink is append-only and in order). */
    void publishPending() {
        tx.executeWithoutResult(status -> {
            if (Boolean.TRUE.equals(jdbc.queryForObject(
                    "SELECT pg_try_advisory_xact_lock(hashtext('wpm.audit.publish'))", Boolean.class))) {
                publishInOrder();
            }
        });
    }

    private void publishInOrder() {
        List<Long> pending = jdbc.queryForList(
                "SELECT size FROM event_store.audit_checkpoint WHERE NOT published ORDER BY size", Long.class);
        for (long size : pending) {
            try {
                publish(line(size));
            } catch (IOException | RuntimeException e) {
                log.warn("Could not publish audit checkpoint {} to the sink (tried again at the next checkpoint): {}",
                        size, e.toString());
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            jdbc.update("UPDATE event_store.audit_checkpoint SET published = TRUE WHERE size = ?", size);
        }
    }

    /** The sink's line for the checkpoint of this size: it, signed, and its consistency proof from the one before. */
    String line(long size) {
        Map<String, Object> row = jdbc.queryForMap("SELECT root_hash, signed_at, key_id, signature "
                + "FROM event_store.audit_checkpoint WHERE size = ?", size);
        SignedCheckpoint checkpoint = new SignedCheckpoint(new Checkpoint(Checkpoint.ORIGIN, size,
                (byte[]) row.get("root_hash"), (String) row.get("signed_at")), (String) row.get("key_id"),
                (byte[]) row.get("signature"));
        // from the checkpoint before it, published or not: a line sent again after a failure is the same line
        List<Map<String, Object>> previous = jdbc.queryForList("SELECT size, root_hash FROM event_store.audit_checkpoint "
                + "WHERE size < ? ORDER BY size DESC LIMIT 1", size);
        SinkLine.Consistency consistency = null;
        if (!previous.isEmpty()) {
            long from = ((Number) previous.get(0).get("size")).longValue();
            consistency = new SinkLine.Consistency(from, (byte[]) previous.get(0).get("root_hash"),
                    Proofs.consistencyProof(new LogNodes(jdbc), from, size));
        }
        return new SinkLine(checkpoint, consistency).toJson();
    }

    private void publish(String line) throws IOException, InterruptedException {
        if (file != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                channel.write(java.nio.ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
        }
        if (url != null) {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(line))
                    .build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new IOException("sink answered " + response.statusCode());
            }
        }
    }
}
