package com.webprometrics.auditlog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The global log's size and root at a moment: what a checkpoint key signs, as a signed-note body (origin, size,
 * base64 root, timestamp, each line ending in {@code \n}).
 *
 * @param timestamp ISO-8601 UTC with milliseconds, e.g. {@code 2026-12-05T18:00:00.123Z}
 */
public record Checkpoint(String origin, long size, byte[] root, String timestamp) {
    public static final String ORIGIN = "webprometrics.audit/v1";

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    public Checkpoint {
        requireLine(origin, "origin");
        requireLine(timestamp, "timestamp");
        if (size < 0) {
            throw new IllegalArgumentException("negative checkpoint size " + size);
        }
        Hashes.requireHash(root, "a checkpoint's root");
    }

    public static Checkpoint of(long size, byte[] root, Instant at) {
        return new Checkpoint(ORIGIN, size, root, TIMESTAMP.format(at));
    }

    /** The signed-note body, UTF-8: the bytes the signature covers. */
    public byte[] body() {
        return (origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n" + timestamp + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void requireLine(String value, String what) {
        if (value == null || value.isEmpty() || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a checkpoint's " + what + " must be one non-empty line");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint c && c.size == size && c.origin.equals(origin)
                && Arrays.equals(c.root, root) && c.timestamp.equals(timestamp);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, size, Arrays.hashCode(root), timestamp);
    }

    @Override
    public String toString() {
        return "Checkpoint[" + origin + ", " + size + ", " + HexFormat.of().formatHex(root) + ", " + timestamp + "]";
    }
}
