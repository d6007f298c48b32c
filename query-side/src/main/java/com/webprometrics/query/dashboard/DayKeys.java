package com.webprometrics.query.dashboard;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The last position recorded per integration and day, for a million days without a million boxed entries:
 * integrations are numbered, and (number, epoch day) packs into one long key of an open-addressing table.
 */
final class DayKeys {
    private static final long EMPTY = Long.MIN_VALUE;
    private final Map<UUID, Integer> integrations = new HashMap<>();
    private long[] keys = new long[1 << 16];
    private long[] positions = new long[1 << 16];
    private int size;

    DayKeys() {
        Arrays.fill(keys, EMPTY);
    }

    /** Records {@code position} for the day; answers the position it replaces, or -1 for a first. */
    long put(UUID integrationId, LocalDate date, long position) {
        int number = integrations.computeIfAbsent(integrationId, id -> integrations.size());
        long key = ((long) number << 32) | (date.toEpochDay() & 0xFFFF_FFFFL);
        if (size * 2 >= keys.length) {
            grow();
        }
        int slot = slot(key, keys.length);
        while (keys[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & (keys.length - 1);
        }
        long replaced = keys[slot] == EMPTY ? -1 : positions[slot];
        if (replaced < 0) {
            keys[slot] = key;
            size++;
        }
        positions[slot] = position;
        return replaced;
    }

    private void grow() {
        long[] oldKeys = keys, oldPositions = positions;
        keys = new long[oldKeys.length * 2];
        positions = new long[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = slot(oldKeys[i], keys.length);
                while (keys[slot] != EMPTY) {
                    slot = (slot + 1) & (keys.length - 1);
                }
                keys[slot] = oldKeys[i];
                positions[slot] = oldPositions[i];
            }
        }
    }

    private static int slot(long key, int capacity) {
        long mixed = key * 0x9E3779B97F4A7C15L;
        return (int) (mixed >>> 40) & (capacity - 1);
    }
}
