package com.webprometrics.platform.web;

import java.sql.SQLTransientConnectionException;

import com.webprometrics.websecurity.FailFastDataSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means PostgreSQL cannot be reached (refused, timed out waiting for a connection, or the server
 * went away mid-request), wherever Spring, Axon or the pool wrapped it: the caller gets a 503 to retry, not a 500.
 */
public final class DatabaseOutage {
    public static final long RETRY_AFTER_SECONDS = 5;

    private DatabaseOutage() {
    }

    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException) {
                return true;
            }
        }
        return FailFastDataSource.isConnectionFailure(failure);
    }
}
