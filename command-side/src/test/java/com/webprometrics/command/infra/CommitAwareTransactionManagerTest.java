package com.webprometrics.command.infra;

import com.webprometrics.platform.web.CommitOutcomeUnknown;
import com.webprometrics.platform.web.DatabaseOutage;
import org.axonframework.common.transaction.Transaction;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommitAwareTransactionManagerTest {

    /** Axon's transaction whose commit fails with {@code failure} (or succeeds when null); records what was called. */
    private static CommitAwareTransactionManager failingCommitWith(RuntimeException failure, List<String> calls) {
        return new CommitAwareTransactionManager(() -> new Transaction() {
            @Override
            public void commit() {
                calls.add("commit");
                if (failure != null) throw failure;
            }

            @Override
            public void rollback() {
                calls.add("rollback");
            }
        });
    }

    @Test
    void aCommitThePostgresConnectionDiedInHasAnUnknownOutcomeAndIsNeverRetried() {
        // Spring's rollback after the failed COMMIT, on the connection Hikari has evicted by then
        RuntimeException lost = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        List<String> calls = new ArrayList<>();
        Transaction transaction = failingCommitWith(lost, calls).startTransaction();
        assertThatThrownBy(transaction::commit).isInstanceOf(CommitOutcomeUnknown.class).hasCause(lost)
                .satisfies(e -> assertThat(DatabaseOutage.isCause(e)).as("the retry scheduler's non-transient test")
                        .isTrue());

        RuntimeException ioError = new DataAccessResourceFailureException("JDBC commit",
                new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        assertThatThrownBy(failingCommitWith(ioError, calls).startTransaction()::commit)
                .isInstanceOf(CommitOutcomeUnknown.class).hasCause(ioError);
    }

    @Test
    void otherCommitFailuresRollbacksAndSuccessPassThrough() {
        List<String> calls = new ArrayList<>();
        IllegalStateException other = new IllegalStateException("deferred constraint violated");
        assertThatThrownBy(failingCommitWith(other, calls).startTransaction()::commit).isSameAs(other);
        failingCommitWith(null, calls).startTransaction().commit();
        failingCommitWith(null, calls).startTransaction().rollback();
        assertThat(calls).containsExactly("commit", "commit", "rollback");
    }
}
