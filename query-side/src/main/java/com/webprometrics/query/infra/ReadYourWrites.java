package com.webprometrics.query.infra;

import com.webprometrics.platform.web.ProblemException;
import com.webprometrics.platform.web.Problems;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
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
