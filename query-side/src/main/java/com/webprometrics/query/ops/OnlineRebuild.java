package com.webprometrics.query.ops;

/**
 * A processor's read model rebuilt from the event store beside the live one, which keeps answering queries
 * until the rebuilt one replaces it. Implementations are Spring beans, one per processor that supports it.
 */
public interface OnlineRebuild {

    /** The processing group whose read model this rebuilds. */
    String processor();

    /** Rebuilds, reporting through {@code progress}; throws when it could not (the live read model is untouched). */
    void run(RebuildProgress progress) throws Exception;
}
