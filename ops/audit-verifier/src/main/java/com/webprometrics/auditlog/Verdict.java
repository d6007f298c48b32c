package com.webprometrics.auditlog;

import java.util.List;

/**
 * What {@link ExportVerifier} found. When not {@code ok}, {@code kind}, {@code position}, {@code agencySeq} and
 * {@code reason} describe the first failure that matters most (all are in {@code findings}).
 *
 * @param verifiedUpTo the last {@code agencySeq} verified: the last exported one when intact, the one before the
 *                     first broken event, or 0 when nothing can be trusted (a bad signature, head or anchor)
 * @param verifiedUpToPosition the global position of that event, when known
 * @param position the global position of the first broken event, when it has one (a missing event has none)
 * @param notes what was not checked or was trusted without a pinned key
 * @param summary one line: "intact: …" or "TAMPERED (kind) …"
 */
public record Verdict(boolean ok, String agencyId, long eventsChecked, long verifiedUpTo, Long verifiedUpToPosition,
                      Kind kind, Long position, Long agencySeq, String reason, List<Finding> findings,
                      List<String> notes, String summary) {

    /** The failure kinds the design names. */
    public enum Kind {
        MODIFIED, MISSING, INSERTED, REORDERED, TRUNCATED, HEAD, SIGNATURE, INCONSISTENT, MALFORMED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One failed check. */
    public record Finding(Kind kind, Long position, Long agencySeq, String reason) {
        /** One human line: "missing at agencySeq 7: …". */
        public String describe() {
            StringBuilder line = new StringBuilder(kind.label());
            if (position != null) {
                line.append(" at position ").append(position);
                if (agencySeq != null) {
                    line.append(" (agencySeq ").append(agencySeq).append(')');
                }
            } else if (agencySeq != null) {
                line.append(" at agencySeq ").append(agencySeq);
            }
            return line.append(": ").append(reason).toString();
        }
    }
}
