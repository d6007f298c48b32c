package com.webprometrics.command.integrations;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an integration last recorded for each day, as a 64-bit digest of the day's currency and numbers: enough to
 * tell whether a re-fetched day changed, in 12 bytes a day instead of the numbers themselves. Days are kept sorted
 * (epoch days), so a snapshot is two arrays of numbers.
 */
final class DayDigests {
    private int[] days = new int[0];
    private long[] digests = new long[0];

    /** @return whether {@code metrics} in {@code currency} differ from what was last recorded for the day */
    boolean changes(LocalDate day, String currency, Map<String, BigDecimal> metrics) {
        int at = Arrays.binarySearch(days, (int) day.toEpochDay());
        return at < 0 || digests[at] != digest(currency, metrics);
    }

    void record(LocalDate day, String currency, Map<String, BigDecimal> metrics) {
        int epochDay = (int) day.toEpochDay();
        long digest = digest(currency, metrics);
        int at = Arrays.binarySearch(days, epochDay);
        if (at >= 0) {
            digests[at] = digest;
            return;
        }
        int insert = -at - 1;
        days = insert(days, insert, epochDay);
        long[] grown = new long[digests.length + 1];
        System.arraycopy(digests, 0, grown, 0, insert);
        grown[insert] = digest;
        System.arraycopy(digests, insert, grown, insert + 1, digests.length - insert);
        digests = grown;
    }

    int size() {
        return days.length;
    }

    private static int[] insert(int[] array, int at, int value) {
        int[] grown = new int[array.length + 1];
        System.arraycopy(array, 0, grown, 0, at);
        grown[at] = value;
        System.arraycopy(array, at, grown, at + 1, array.length - at);
        return grown;
    }

    /** The currency and each metric with trailing zeros stripped, in metric order: 1.50 and 1.5 are the same day. */
    static long digest(String currency, Map<String, BigDecimal> metrics) {
        StringBuilder canonical = new StringBuilder(String.valueOf(currency));
        new TreeMap<>(metrics).forEach((name, value) -> canonical.append('|').append(name).append('=')
                .append(value.stripTrailingZeros().toPlainString()));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(hash).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
