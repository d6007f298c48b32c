package com.webprometrics.websecurity;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random (version 4) UUIDs from a generator per thread, and time-ordered (version 7) ones for messages. {@link UUID#randomUUID()} draws from one JVM-wide
 * {@code SecureRandom} whose lock every thread takes: under 32 concurrent requests, each minting several ids (message,
 * event, correlation), JFR showed over a thousand waits of 10 ms and more in 30 s (docs/benchmarks.md). Each thread's
 * DRBG is seeded from the system's entropy like the shared one, so the ids are as unpredictable.
 */
public final class Uuids {
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(() -> {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    });

    private Uuids() {
    }

    public static UUID random() {
        byte[] bytes = new byte[16];
        RANDOM.get().nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40); // version 4
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80); // IETF variant
        long most = 0;
        long least = 0;
        for (int i = 0; i < 8; i++) {
            most = (most << 8) | (bytes[i] & 0xff);
            least = (least << 8) | (bytes[i + 8] & 0xff);
        }
        return new UUID(most, least);
    }

    /**
     * Version 7 (RFC 9562): the millisecond, then 74 bits from {@link ThreadLocalRandom}. For identifiers that are
     * neither secret nor a capability — Axon's message ids and correlation ids — where what counts is that ids made
     * close in time sort close: every event's id goes into a unique index, and random ids put each insert on a random
     * leaf page (a full-page image in the WAL after every checkpoint). Never for tokens or sessions: use {@link #random}.
     */
    public static UUID timeOrdered() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = System.currentTimeMillis() << 16 | 0x7000L | random.nextInt(0x1000);
        long least = random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L;
        return new UUID(most, least);
    }
}
