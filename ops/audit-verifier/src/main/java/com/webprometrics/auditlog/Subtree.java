package com.webprometrics.auditlog;

/**
 * The leaves {@code [from, to)} of a subtree that the RFC 9162 recursion splits a tree into. Such a range starts at
 * a multiple of the smallest power of two not below its length, so a power-of-two range is one perfect node.
 */
public record Subtree(long from, long to) {
    public Subtree {
        if (from < 0 || to <= from) {
            throw new IllegalArgumentException("not a subtree: [" + from + ", " + to + ")");
        }
    }

    public long size() {
        return to - from;
    }

    /** Whether this is one perfect node, {@code (level(), index())}. */
    public boolean perfect() {
        return Long.bitCount(size()) == 1;
    }

    public int level() {
        return 63 - Long.numberOfLeadingZeros(size());
    }

    public long index() {
        return from >>> level();
    }

    @Override
    public String toString() {
        return "[" + from + ", " + to + ")";
    }
}
