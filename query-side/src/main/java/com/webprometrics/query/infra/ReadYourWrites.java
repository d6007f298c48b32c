package com.webprometrics.query.infra;

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

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Waits, briefly and boundedly, until every projection has processed the event at a given global
 * position — the position a command answered with — so a client reads its own writes.
 */
@Component
public class ReadYourWrites {
    private static final long POLL_MILLIS = 5;
    private final EventProcessingConfiguration processing;
    private final Duration maxWait;

    ReadYourWrites(EventProcessingConfiguration processing, @Value("${wpm.read-your-writes.max-wait}") Duration maxWait) {
        this.processing = processing;
        this.maxWait = maxWait;
    }

    /** @return true when caught up within the bound */
    public boolean awaitPosition(long position) {
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

    public boolean caughtUp(long position) {
        TrackingToken wanted = GapAwareTrackingToken.newInstance(position, Collections.emptySet());
        List<StreamingEventProcessor> processors = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
        for (StreamingEventProcessor processor : processors) {
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            if (status.isEmpty()) {
                return false;
            }
            for (EventTrackerStatus segment : status.values()) {
                TrackingToken token = segment.getTrackingToken();
                if (token == null || !token.covers(wanted)) {
                    return false;
                }
            }
        }
        return true;
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
