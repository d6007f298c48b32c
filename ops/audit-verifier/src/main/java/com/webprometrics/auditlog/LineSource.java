package com.webprometrics.auditlog;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** The lines of a stream as slices of one reused buffer, so a long export is never held whole. */
final class LineSource {
    static final int MAX_LINE = 64 << 20;

    private final InputStream in;
    private byte[] buffer = new byte[1 << 16];
    private int filled;
    private int next;
    private boolean eof;

    byte[] bytes;
    int start;
    int end;
    long number;
    boolean terminated;

    LineSource(InputStream in) {
        this.in = in;
    }

    /** Moves to the next line; false at the end of the stream. */
    boolean next() throws IOException {
        int scanned = 0;
        while (true) {
            int newline = indexOfNewline(next + scanned, filled);
            if (newline >= 0) {
                return take(newline, true);
            }
            scanned = filled - next;
            if (eof) {
                return scanned > 0 && take(filled, false);
            }
            fill();
        }
    }

    private boolean take(int lineEnd, boolean newline) {
        number++;
        bytes = buffer;
        start = next;
        end = lineEnd > start && buffer[lineEnd - 1] == '\r' && newline ? lineEnd - 1 : lineEnd;
        terminated = newline;
        next = newline ? lineEnd + 1 : lineEnd;
        return true;
    }

    private void fill() throws IOException {
        if (next > 0) {
            System.arraycopy(buffer, next, buffer, 0, filled - next);
            filled -= next;
            next = 0;
        }
        if (filled == buffer.length) {
            if (buffer.length >= MAX_LINE) {
                throw new ExportFormatException(number + 1, "a line longer than " + (MAX_LINE >> 20) + " MiB", false);
            }
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int read = in.read(buffer, filled, buffer.length - filled);
        if (read < 0) {
            eof = true;
        } else {
            filled += read;
        }
    }

    private int indexOfNewline(int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
