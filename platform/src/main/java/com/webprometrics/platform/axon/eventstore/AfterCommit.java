package com.webprometrics.platform.axon.eventstore;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs something once the current work is really in the database. An Axon unit of work that joins an outer Spring
 * transaction (a scheduler claiming rows, then sending commands) "commits" before that transaction does, so the
 * Spring transaction's own after-commit callback comes first; without either, now.
 */
public final class AfterCommit {
    private AfterCommit() {
    }

    public static void run(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(u -> action.run());
        } else {
            action.run();
        }
    }
}
