package com.webprometrics.auditlog;

/**
 * The lines of an export, in order: header, events by {@code agencySeq}, head, an optional anchor, checkpoint.
 * {@link ExportWriter} writes them, {@link ExportReader} reads them into any sink, {@link ExportVerifier} checks them.
 */
public interface ExportSink {
    void header(ExportHeader header);

    void event(ExportEvent event);

    void head(AgencyHead head);

    void anchor(Anchor anchor);

    /** The last line; {@code publicKey} is the key the export carries (null when it carries none). */
    void checkpoint(SignedCheckpoint checkpoint, CheckpointKey publicKey);

    /** The export ended; called once, after the last line. */
    default void end() {
    }
}
