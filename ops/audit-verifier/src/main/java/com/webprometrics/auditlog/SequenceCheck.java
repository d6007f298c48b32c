package com.webprometrics.auditlog;

import com.webprometrics.auditlog.Verdict.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the exported {@code agencySeq}s, in export order, for the design's signs of tampering: a gap (missing), a
 * repeat or one out of range (inserted), a step back (reordered) and an early end (truncated). A gap whose numbers
 * come later is a reordering, not a deletion, so the whole sequence is looked at before naming one.
 */
final class SequenceCheck {
    /**
     * One anomaly; {@code streamIndex} is the export-order index of the event where it shows, {@code earlier} the
     * index of the first event with the same {@code agencySeq} for a repeat (else -1).
     */
    record Anomaly(Kind kind, int streamIndex, long agencySeq, String reason, int earlier) {
        Anomaly(Kind kind, int streamIndex, long agencySeq, String reason) {
            this(kind, streamIndex, agencySeq, reason, -1);
        }
    }

    private SequenceCheck() {
    }

    /**
     * @param upper the last {@code agencySeq} the export must reach
     * @param upperName what {@code upper} is, for the reasons ("the head's size")
     */
    static List<Anomaly> check(long[] seqs, long[] positions, long firstSeq, long upper, String upperName) {
        List<Anomaly> anomalies = new ArrayList<>();
        int n = seqs.length;
        if (isRun(seqs, firstSeq)) {
            long last = firstSeq + n - 1;
            if (last < upper) {
                anomalies.add(new Anomaly(Kind.TRUNCATED, n, last + 1, n == 0
                        ? "the export holds no event; " + upperName + " is " + upper
                        : "the export ends at agencySeq " + last + " but " + upperName + " is " + upper + ": "
                        + (upper - last) + " event(s) at the end are missing"));
            } else if (last > upper) {
                int at = (int) (upper + 1 - firstSeq);
                anomalies.add(new Anomaly(Kind.INSERTED, at, upper + 1,
                        "agencySeq " + (upper + 1) + " is beyond " + upperName + " (" + upper + ")"));
            }
            return anomalies;
        }
        long[] sorted = seqs.clone();
        Arrays.sort(sorted);
        Map<Long, Integer> firstAt = new HashMap<>();
        long prevMax = firstSeq - 1;
        for (int i = 0; i < n; i++) {
            long s = seqs[i];
            Integer earlier = firstAt.putIfAbsent(s, i);
            if (s < firstSeq) {
                anomalies.add(new Anomaly(Kind.INSERTED, i, s,
                        "agencySeq " + s + " is before the export's first (" + firstSeq + ")"));
            } else if (s > upper) {
                anomalies.add(new Anomaly(Kind.INSERTED, i, s,
                        "agencySeq " + s + " is beyond " + upperName + " (" + upper + ")"));
            } else if (earlier != null) {
                anomalies.add(new Anomaly(Kind.INSERTED, i, s, "agencySeq " + s + " appears twice (positions "
                        + positions[earlier] + " and " + positions[i] + ")", earlier));
            } else if (s < prevMax) {
                anomalies.add(new Anomaly(Kind.REORDERED, i, s,
                        "agencySeq " + s + " comes after agencySeq " + prevMax));
            } else {
                if (s > prevMax + 1) {
                    long absent = firstAbsent(sorted, prevMax + 1, s - 1);
                    if (absent >= 0) {
                        anomalies.add(new Anomaly(Kind.MISSING, i, absent, "agencySeq " + absent
                                + " is missing: agencySeq " + s + " (position " + positions[i] + ") follows "
                                + (prevMax < firstSeq ? "the start of the export" : "agencySeq " + prevMax)));
                    }
                }
                prevMax = s;
            }
        }
        if (prevMax < upper) {
            anomalies.add(new Anomaly(Kind.TRUNCATED, n, prevMax + 1, "the export ends at agencySeq " + prevMax
                    + " but " + upperName + " is " + upper));
        }
        return anomalies;
    }

    static boolean isRun(long[] seqs, long firstSeq) {
        for (int i = 0; i < seqs.length; i++) {
            if (seqs[i] != firstSeq + i) {
                return false;
            }
        }
        return true;
    }

    /** The first number in {@code [from, to]} not in {@code sorted}, or -1. */
    private static long firstAbsent(long[] sorted, long from, long to) {
        int k = lowerBound(sorted, from);
        for (long t = from; t <= to; t++) {
            while (k < sorted.length && sorted[k] < t) {
                k++;
            }
            if (k == sorted.length || sorted[k] != t) {
                return t;
            }
        }
        return -1;
    }

    private static int lowerBound(long[] sorted, long value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
