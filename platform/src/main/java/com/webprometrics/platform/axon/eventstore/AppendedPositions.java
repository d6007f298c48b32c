package com.webprometrics.platform.axon.eventstore;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The highest global index each awaited command appended. A sender that wants its command's position says so before
 * sending ({@link #expect}); the append records it under the command message's identifier — also when the command
 * ran on another thread, as a retried one does — and the sender takes it afterwards ({@link #take}).
 */
public final class AppendedPositions {
    private static final Map<String, Long> BY_COMMAND = new ConcurrentHashMap<>();

    private AppendedPositions() {
    }

    public static void expect(String commandIdentifier) {
        BY_COMMAND.put(commandIdentifier, 0L);
    }

    /** @return the highest position the command appended, 0 when it appended nothing */
    public static long take(String commandIdentifier) {
        Long position = BY_COMMAND.remove(commandIdentifier);
        return position == null ? 0 : position;
    }

    static void record(long position) {
        if (CurrentUnitOfWork.isStarted()) {
            String command = CurrentUnitOfWork.get().root().getMessage().getIdentifier();
            BY_COMMAND.computeIfPresent(command, (id, last) -> Math.max(last, position));
        }
    }
}
