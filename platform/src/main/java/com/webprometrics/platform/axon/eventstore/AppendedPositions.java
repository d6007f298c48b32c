package com.webprometrics.platform.axon.eventstore;

/**
 * The highest global index the current thread's commands appended. Commands run on the caller's thread (Axon's
 * simple command bus), so whoever sent a command reads the position it produced right after it returns.
 */
public final class AppendedPositions {
    private static final ThreadLocal<long[]> LAST = ThreadLocal.withInitial(() -> new long[1]);

    private AppendedPositions() {
    }

    static void record(long position) {
        long[] last = LAST.get();
        last[0] = Math.max(last[0], position);
    }

    /** Forgets what earlier commands on this thread appended. */
    public static void clear() {
        LAST.get()[0] = 0;
    }

    /** Keeps at least {@code position} (what an outer command on this thread had appended before). */
    public static void raiseTo(long position) {
        record(position);
    }

    /** @return the highest position appended since {@link #clear()}, 0 when nothing was appended */
    public static long last() {
        return LAST.get()[0];
    }
}
