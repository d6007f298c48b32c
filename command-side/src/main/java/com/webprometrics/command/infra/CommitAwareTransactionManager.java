package com.webprometrics.command.infra;

import com.webprometrics.platform.web.CommitOutcomeUnknown;
import com.webprometrics.platform.web.DatabaseOutage;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * Axon's transactions, with a COMMIT that fails because PostgreSQL went away told apart from every other failure
 * ({@link CommitOutcomeUnknown}): by then every statement succeeded, so the change may have been saved.
 */
final class CommitAwareTransactionManager implements TransactionManager {
    private final TransactionManager delegate;

    CommitAwareTransactionManager(TransactionManager delegate) {
        this.delegate = delegate;
    }

    TransactionManager delegate() {
        return delegate;
    }

    @Override
    public Transaction startTransaction() {
        Transaction transaction = delegate.startTransaction();
        return new Transaction() {
            @Override
            public void commit() {
                try {
                    transaction.commit();
                } catch (RuntimeException e) {
                    throw DatabaseOutage.isCause(e) ? new CommitOutcomeUnknown(e) : e;
                }
            }

            @Override
            public void rollback() {
                transaction.rollback();
            }
        };
    }
}
