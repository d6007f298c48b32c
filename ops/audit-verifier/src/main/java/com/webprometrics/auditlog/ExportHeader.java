package com.webprometrics.auditlog;

/**
 * An export's first line. {@code complete} when it holds every event of the agency's head ({@code firstSeq} 1,
 * {@code lastSeq} the head's size); {@code from}, {@code to} and {@code exportedAt} are informational and may be null.
 */
public record ExportHeader(String format, String agencyId, long firstSeq, long lastSeq, boolean complete,
                           String from, String to, String exportedAt) {
    public static final String FORMAT = "wpm-audit-export/v1";

    public static ExportHeader of(String agencyId, long firstSeq, long lastSeq, boolean complete, String from,
                                  String to, String exportedAt) {
        return new ExportHeader(FORMAT, agencyId, firstSeq, lastSeq, complete, from, to, exportedAt);
    }
}
