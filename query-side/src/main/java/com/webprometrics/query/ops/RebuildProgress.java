package com.webprometrics.query.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far a rebuild has come. Written by the rebuild's thread, read by status requests. {@code processed}
 * and {@code total} count event store positions up to the rebuild's end position, so the rate is in
 * events per second of the whole log, the same unit as a processor replay.
 */
public final class RebuildProgress {
    public enum Phase { QUEUED, LOADING, INDEXING, SWITCHING, DONE, FAILED }

    private final UUID id;
    private final String processor;
    private final Clock clock;
    private final Instant createdAt;
    private volatile Phase phase = Phase.QUEUED;
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile long processed;
    private volatile long total;
    private volatile long eventsLoaded;
    private volatile String error;
    private final Map<String, Double> phaseSeconds = new ConcurrentHashMap<>();
    private volatile Instant phaseStartedAt;

    RebuildProgress(UUID id, String processor, Clock clock) {
        this.id = id;
        this.processor = processor;
        this.clock = clock;
        this.createdAt = clock.instant();
    }

    public void loading(long total) {
        this.total = total;
        this.startedAt = clock.instant();
        enter(Phase.LOADING);
    }

    /** @param processed positions read so far; @param eventsLoaded events of this read model among them */
    public void loaded(long processed, long eventsLoaded) {
        this.processed = processed;
        this.eventsLoaded = eventsLoaded;
    }

    public void phase(Phase phase) {
        enter(phase);
    }

    void done() {
        this.processed = total;
        this.finishedAt = clock.instant();
        enter(Phase.DONE);
    }

    void failed(String message) {
        this.error = message;
        this.finishedAt = clock.instant();
        enter(Phase.FAILED);
    }

    /** Closes the running phase's clock and starts the next one's. */
    private synchronized void enter(Phase next) {
        Instant now = clock.instant();
        if (phaseStartedAt != null && phase != Phase.QUEUED) {
            phaseSeconds.put(phase.name().toLowerCase(), Duration.between(phaseStartedAt, now).toMillis() / 1000.0);
        }
        phaseStartedAt = now;
        phase = next;
    }

    boolean finished() {
        return phase == Phase.DONE || phase == Phase.FAILED;
    }

    UUID id() {
        return id;
    }

    String processor() {
        return processor;
    }

    /** What {@code GET /api/ops/rebuilds/{id}} answers. */
    public record Status(UUID rebuildId, String processor, String phase, long processed, long total,
                         long eventsLoaded, double eventsPerSecond, Long etaSeconds, Instant createdAt,
                         Instant startedAt, Instant finishedAt, Double durationSeconds, Map<String, Double> phaseSeconds,
                         String error) {
    }

    Status status() {
        Instant start = startedAt;
        Instant end = finishedAt == null ? clock.instant() : finishedAt;
        double seconds = start == null ? 0 : Math.max(Duration.between(start, end).toMillis(), 1) / 1000.0;
        long done = processed;
        double rate = seconds == 0 ? 0 : done / seconds;
        Long eta = phase == Phase.LOADING && rate > 0 ? Math.round((total - done) / rate) : null;
        return new Status(id, processor, phase.name().toLowerCase(), done, total, eventsLoaded,
                Math.round(rate * 10) / 10.0, eta, createdAt, start, finishedAt,
                finishedAt == null || start == null ? null : seconds, new TreeMap<>(phaseSeconds), error);
    }
}
