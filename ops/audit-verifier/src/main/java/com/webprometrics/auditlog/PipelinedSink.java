package com.webprometrics.auditlog;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Hands an export's lines to a sink on a thread of its own, in order, so reading and parsing the next lines overlaps
 * checking the ones before (hashing a leaf and comparing its views). {@link #finish()} waits until the sink has taken
 * every line handed over, and rethrows what the sink threw.
 */
final class PipelinedSink implements ExportSink {
    private static final Runnable FINISHED = () -> {
    };

    private final ExportSink sink;
    private final BlockingQueue<Runnable> lines = new ArrayBlockingQueue<>(2048);
    private final Thread worker;
    private volatile RuntimeException failure;

    PipelinedSink(ExportSink sink) {
        this.sink = sink;
        this.worker = new Thread(this::work, "audit-export-check");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void header(ExportHeader header) {
        hand(() -> sink.header(header));
    }

    @Override
    public void event(ExportEvent event) {
        hand(() -> sink.event(event));
    }

    @Override
    public void head(AgencyHead head) {
        hand(() -> sink.head(head));
    }

    @Override
    public void anchor(Anchor anchor) {
        hand(() -> sink.anchor(anchor));
    }

    @Override
    public void checkpoint(SignedCheckpoint checkpoint, CheckpointKey publicKey) {
        hand(() -> sink.checkpoint(checkpoint, publicKey));
    }

    @Override
    public void end() {
        hand(sink::end);
        finish();
    }

    /** Waits until the sink has taken every line handed over so far; afterwards, the sink is the caller's again. */
    void finish() {
        hand(FINISHED);
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the export was being checked", e);
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void hand(Runnable line) {
        try {
            lines.put(line);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the export", e);
        }
    }

    private void work() {
        try {
            for (Runnable line = lines.take(); line != FINISHED; line = lines.take()) {
                if (failure == null) {
                    try {
                        line.run();
                    } catch (RuntimeException e) {
                        failure = e; // the reader keeps handing lines over until it finishes: take and drop them
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
