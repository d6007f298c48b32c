package com.webprometrics.platform.web;

/**
 * PostgreSQL went away while a transaction was being committed: the COMMIT may or may not have reached its log, so the
 * change may or may not be saved. The caller is told so (503) instead of "nothing was changed", and the command is
 * not retried (a retry could apply it twice).
 */
public final class CommitOutcomeUnknown extends RuntimeException {
    public CommitOutcomeUnknown(Throwable cause) {
        super("The database went away during COMMIT: whether the transaction was saved is unknown", cause);
    }

    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CommitOutcomeUnknown) {
                return true;
            }
        }
        return false;
    }
}
