package com.webprometrics.platform.axon.eventstore;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;

import java.util.OptionalLong;

/**
 * An event's own global index, as {@link PostgresEventStorageEngine#fetchEvents} puts it in the metadata of the
 * events it reads ({@value #KEY}). A tracking token's {@code position()} is not it: an event that commits late
 * fills a gap below the token's index, and the token after it still reports that higher index. A read model keyed
 * by position (the audit search) would file the late event under another's.
 */
public final class GlobalIndex {
    public static final String KEY = "globalIndex";

    private GlobalIndex() {
    }

    /** The index of the event that moved the token from {@code before} to {@code after}; -1 when not knowable. */
    public static long between(TrackingToken before, TrackingToken after) {
        if (!(after instanceof GapAwareTrackingToken next)) {
            return -1;
        }
        if (!(before instanceof GapAwareTrackingToken previous) || next.getIndex() > previous.getIndex()) {
            return next.getIndex();
        }
        return previous.getGaps().stream().filter(gap -> !next.getGaps().contains(gap)).findFirst().orElse(-1L);
    }

    /** The event's own global index: from its metadata, else its token's position. */
    public static OptionalLong of(EventMessage<?> event, TrackingToken token) {
        Object index = event.getMetaData().get(KEY);
        if (index instanceof Number number) {
            return OptionalLong.of(number.longValue());
        }
        return token == null ? OptionalLong.empty() : token.position();
    }
}
