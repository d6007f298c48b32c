package com.webprometrics.platform.axon;

/**
 * How a processor treats positions it read past without an event (a transaction still open, or rolled back), sized
 * to what this system writes. The largest transaction is a CSV import: one event per changed day, about 9,600 for
 * 50,000 lines. A gap further than {@code maxOffset} below the newest event is forgotten, and an event that commits
 * there later is skipped for good, so the offset must exceed what concurrent imports can write past an open one:
 * 1,000,000 is a hundred of them. A gap is also forgotten once it is older than {@code timeoutMillis} and a token
 * holds more than {@code cleaningThreshold} of them: rolled-back positions do not pile up, and no transaction of
 * this system stays open for minutes.
 */
public record EventStoreGaps(int maxOffset, int timeoutMillis, int cleaningThreshold) {
}
