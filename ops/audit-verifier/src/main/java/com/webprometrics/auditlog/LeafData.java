package com.webprometrics.auditlog;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Builds leaf data as the design fixes it: unsigned big-endian integers, u32-length-prefixed strings and bytes. */
final class LeafData {
    private byte[] bytes;
    private int length;

    LeafData(String tag, int expectedSize) {
        bytes = new byte[Math.max(64, expectedSize + 64)];
        raw(tag.getBytes(StandardCharsets.UTF_8));
        raw(new byte[] {0x0A});
    }

    LeafData u64(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[length++] = (byte) (value >>> shift);
        }
        return this;
    }

    LeafData str(String value) {
        return bytes(value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8));
    }

    LeafData bytes(byte[] value) {
        byte[] v = value == null ? new byte[0] : value;
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            bytes[length++] = (byte) (v.length >>> shift);
        }
        return raw(v);
    }

    LeafData raw(byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, bytes, length, value.length);
        length += value.length;
        return this;
    }

    byte[] toBytes() {
        return Arrays.copyOf(bytes, length);
    }

    byte[] leafHash() {
        return Hashes.leafHash(bytes, 0, length);
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
