package com.webprometrics.auditlog;

import java.util.Arrays;

/** Strict standard base64 (with padding) decoded straight from a slice of bytes, as an export line holds it. */
final class Base64Bytes {
    private static final int[] VALUE = new int[256];

    static {
        Arrays.fill(VALUE, -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            VALUE[alphabet.charAt(i)] = i;
        }
    }

    private Base64Bytes() {
    }

    /** @throws IllegalArgumentException when the slice is not padded standard base64 */
    static byte[] decode(byte[] src, int offset, int length) {
        if (length % 4 != 0) {
            throw new IllegalArgumentException("base64 length " + length + " is not a multiple of 4");
        }
        int padding = length == 0 ? 0 : src[offset + length - 1] != '=' ? 0 : src[offset + length - 2] == '=' ? 2 : 1;
        byte[] out = new byte[length / 4 * 3 - padding];
        int o = 0;
        int lastQuad = offset + length - 4;
        for (int i = offset; i < lastQuad; i += 4) {
            int bits = value(src[i]) << 18 | value(src[i + 1]) << 12 | value(src[i + 2]) << 6 | value(src[i + 3]);
            out[o] = (byte) (bits >> 16);
            out[o + 1] = (byte) (bits >> 8);
            out[o + 2] = (byte) bits;
            o += 3;
        }
        if (length > 0) {
            int c = padding == 2 ? 0 : value(src[lastQuad + 2]);
            int d = padding >= 1 ? 0 : value(src[lastQuad + 3]);
            int bits = value(src[lastQuad]) << 18 | value(src[lastQuad + 1]) << 12 | c << 6 | d;
            out[o++] = (byte) (bits >> 16);
            if (padding < 2) {
                out[o++] = (byte) (bits >> 8);
            }
            if (padding < 1) {
                out[o] = (byte) bits;
            }
        }
        return out;
    }

    private static int value(byte b) {
        int v = VALUE[b & 0xff];
        if (v < 0) {
            throw new IllegalArgumentException("not a base64 character: " + (char) (b & 0xff));
        }
        return v;
    }
}
