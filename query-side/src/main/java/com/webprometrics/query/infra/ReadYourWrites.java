package com.webprometrics.query.infra;

import com.webprometrics.platform.axon.EventStoreHead;
import com.webprometrics.platform.web.ProblemException;
import com.webprometrics.platform.web.Problems;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Semaphore;

/**
 * Waits, briefly and boundedly, until every projection has processed the event at a given global
 * position — the position a command answered with — so a client reads its own writes. A position beyond the event
 * store's head is refused at once (no command answered it), and at most {@code max-waiters} requests wait at a
 * time: a burst of them cannot tie up every request thread.
 */
@Component
public class ReadYourWrites {
    private static final long POLL_MILLIS = 5;
    private final EventProcessingConfiguration processing;
    private final EventStoreHead head;
    private final Duration maxWait;
    private final Semaphore waiters;
    private volatile long knownHead;

    ReadYourWrites(EventProcessingConfiguration processing, EventStoreHead head,
                   @Value("${wpm.read-your-writes.max-wait}") Duration maxWait,
                   @Value("${wpm.read-your-writes.max-waiters}") int maxWaiters) {
        this.processing = processing;
        this.head = head;
        this.maxWait = maxWait;
        this.waiters = new Semaphore(maxWaiters);
    }

    public enum Wait { REACHED, NOT_REACHED, TOO_MANY_WAITING }

    /** @return true when caught up within the bound */
    public boolean awaitPosition(long position) {
        return await(position) == Wait.REACHED;
    }

    /** @throws ProblemException 400 when the position is beyond the event store's head */
    public Wait await(long position) {
        if (caughtUp(position)) {
            return Wait.REACHED;
        }
        requireWritten(position);
        if (!waiters.tryAcquire()) {
            return Wait.TOO_MANY_WAITING;
        }
        try {
            return pollUntil(position) ? Wait.REACHED : Wait.NOT_REACHED;
        } finally {
            waiters.release();
        }
    }

    /** The head is read again only for a position beyond the last one seen: positions only grow. */
    private void requireWritten(long position) {
        if (position <= knownHead) {
            return;
        }
        knownHead = Math.max(knownHead, head.position());
        if (position > knownHead) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "position-beyond-head", "Position not written",
                    "X-Min-Position " + position + " is beyond the newest event (" + knownHead
                            + "); send a position a command answered with.");
        }
    }

    private boolean pollUntil(long position) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (!caughtUp(position)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /**
     * True when every segment of every streaming processor has processed every committed event up to the position.
     * A token's gaps below it are positions that had no committed event when the processor read past them: a
     * transaction still open, or one rolled back (a command that lost a conflict leaves such a hole for good). Only
     * the ones that have since committed are events the read models still lack, so those are looked up.
     */
    public boolean caughtUp(long position) {
        SortedSet<Long> gapsBelow = new TreeSet<>();
        for (var processor : processing.eventProcessors().values()) {
            if (!(processor instanceof StreamingEventProcessor streaming)) {
                continue;
            }
            Map<Integer, EventTrackerStatus> status = streaming.processingStatus();
            if (status.isEmpty()) {
                return false;
            }
            for (EventTrackerStatus segment : status.values()) {
                TrackingToken token = unwrap(segment.getTrackingToken());
                if (token == null || token.position().orElse(-1) < position) {
                    return false;
                }
                if (token instanceof GapAwareTrackingToken gapAware) {
                    gapsBelow.addAll(gapAware.getGaps().headSet(position + 1));
                }
            }
        }
        return gapsBelow.isEmpty() || !head.anyCommitted(gapsBelow);
    }

    private static TrackingToken unwrap(TrackingToken token) {
        return token instanceof ReplayToken replay ? unwrap(replay.getCurrentToken()) : token;
    }

    /**
     * The global position every streaming processor of this instance has processed (each segment's lower bound, the
     * lowest of them): read models reflect at least every event up to it. 0 while any processor has no token.
     */
    public long position() {
        long lowest = Long.MAX_VALUE;
        for (var processor : processing.eventProcessors().values()) {
            if (!(processor instanceof StreamingEventProcessor streaming)) {
                continue;
            }
            Map<Integer, EventTrackerStatus> status = streaming.processingStatus();
            if (status.isEmpty()) {
                return 0;
            }
            for (EventTrackerStatus segment : status.values()) {
                TrackingToken token = segment.getTrackingToken();
                lowest = Math.min(lowest, reached(token));
            }
        }
        return lowest == Long.MAX_VALUE ? 0 : lowest;
    }

    /** Below a gap an event may still be in flight, so a gap-aware token has fully reached only what precedes it. */
    private static long reached(TrackingToken token) {
        if (token == null) {
            return 0;
        }
        if (token instanceof ReplayToken replay) {
            return reached(replay.getCurrentToken());
        }
        if (token instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getGaps().isEmpty() ? gapAware.getIndex() : gapAware.getGaps().first() - 1;
        }
        return token.position().orElse(0);
    }

    public static long parse(String header) {
        try {
            long position = Long.parseLong(header.trim());
            if (position < 0) {
                throw new NumberFormatException();
            }
            return position;
        } catch (NumberFormatException e) {
            throw ProblemException.invalidFields(List.of(Problems.fieldError("X-Min-Position", "must be a non-negative integer")));
        }
    }
}
