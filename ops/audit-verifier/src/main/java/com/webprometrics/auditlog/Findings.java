package com.webprometrics.auditlog;

import com.webprometrics.auditlog.Verdict.Finding;
import com.webprometrics.auditlog.Verdict.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The failed checks of one verification, each ranked: a broken file or signature outranks a broken head, which
 * outranks the events (among them the earliest in the export wins), which outrank an inconsistent anchor.
 */
final class Findings {
    static final int STRUCTURE = 0;
    static final int SIGNATURE = 1;
    static final int HEAD = 2;
    static final int EVENTS = 3;
    static final int TREE = 4;
    static final int ANCHOR = 5;

    private static final int MAX = 200;

    private record Ranked(int rank, long order, Finding finding) {
    }

    private final List<Ranked> found = new ArrayList<>();
    private long dropped;

    void add(int rank, long order, Kind kind, Long position, Long agencySeq, String reason) {
        if (found.size() >= MAX) {
            dropped++;
            return;
        }
        found.add(new Ranked(rank, order, new Finding(kind, position, agencySeq, reason)));
    }

    void add(int rank, Kind kind, String reason) {
        add(rank, 0, kind, null, null, reason);
    }

    long dropped() {
        return dropped;
    }

    /** The finding that names the failure, or null. */
    Finding first() {
        return found.stream().min(Comparator.comparingInt(Ranked::rank).thenComparingLong(Ranked::order))
                .map(Ranked::finding).orElse(null);
    }

    Ranked firstRanked() {
        return found.stream().min(Comparator.comparingInt(Ranked::rank).thenComparingLong(Ranked::order))
                .orElse(null);
    }

    boolean firstIsEventLevel() {
        Ranked first = firstRanked();
        return first != null && first.rank == EVENTS;
    }

    /** All findings, most important first. */
    List<Finding> all() {
        return found.stream().sorted(Comparator.comparingInt(Ranked::rank).thenComparingLong(Ranked::order))
                .map(Ranked::finding).toList();
    }
}
