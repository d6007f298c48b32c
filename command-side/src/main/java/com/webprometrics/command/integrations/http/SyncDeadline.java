package com.webprometrics.command.integrations.http;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * The instant by which the sync running on this thread must have its answers. {@link ProviderHttp} shortens its
 * read timeouts and refuses waits beyond it, so a throttled or slow provider fails the sync (and the next one
 * tries again) instead of outliving its lease and being superseded mid-fetch. Set around a whole fetch by the
 * sync service; connectors never see it.
 */
public final class SyncDeadline {
    private static final ThreadLocal<Instant> CURRENT = new ThreadLocal<>();

    private SyncDeadline() {
    }

    public static <T> T runBefore(Instant deadline, Supplier<T> fetch) {
        Instant outer = CURRENT.get();
        CURRENT.set(deadline);
        try {
            return fetch.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** The deadline of the sync on this thread, or null outside a sync (no limit beyond the retry policy). */
    static Instant current() {
        return CURRENT.get();
    }
}
