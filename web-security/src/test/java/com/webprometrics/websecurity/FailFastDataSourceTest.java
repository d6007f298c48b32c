package com.webprometrics.websecurity;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FailFastDataSourceTest {

    /** A pool whose answer the test sets: a connection, or the timeout the pool throws (with or without a cause). */
    private static final class Pool implements DataSource {
        final AtomicInteger attempts = new AtomicInteger();
        volatile SQLException failure;

        @Override
        public Connection getConnection() throws SQLException {
            attempts.incrementAndGet();
            if (failure != null) throw failure;
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class},
                    (proxy, method, args) -> null);
        }

        @Override public Connection getConnection(String u, String p) throws SQLException { return getConnection(); }
        @Override public PrintWriter getLogWriter() { return null; }
        @Override public void setLogWriter(PrintWriter out) { }
        @Override public void setLoginTimeout(int seconds) { }
        @Override public int getLoginTimeout() { return 0; }
        @Override public Logger getParentLogger() { return null; }
        @Override public <T> T unwrap(Class<T> type) throws SQLException {
            if (type.isInstance(this)) return type.cast(this);
            throw new SQLException("not a wrapper for " + type);
        }
        @Override public boolean isWrapperFor(Class<?> type) { return type.isInstance(this); }
    }

    private static SQLException unreachable() {
        return new SQLTransientConnectionException("request timed out", "08001",
                new SQLException("Connection to localhost:5432 refused", "08001"));
    }

    @Test
    void onceTheDatabaseIsUnreachableCallersFailAtOnceWithoutReachingThePool() {
        Pool pool = new Pool();
        FailFastDataSource dataSource = new FailFastDataSource(pool, Duration.ofMinutes(1));
        pool.failure = unreachable();
        assertThatThrownBy(dataSource::getConnection).isSameAs(pool.failure);
        assertThat(dataSource.isOpen()).isTrue();

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(dataSource::getConnection).isInstanceOf(SQLTransientConnectionException.class)
                    .hasMessageContaining("unreachable");
        }
        assertThat(pool.attempts).as("only the call that found the outage waited for the pool").hasValue(1);
    }

    @Test
    void aBackgroundProbeClosesTheBreakerOnceAConnectionSucceeds() throws Exception {
        Pool pool = new Pool();
        FailFastDataSource dataSource = new FailFastDataSource(pool, Duration.ofMillis(10));
        pool.failure = unreachable();
        assertThatThrownBy(dataSource::getConnection).isSameAs(pool.failure);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (pool.attempts.get() < 3 && System.nanoTime() < until) Thread.sleep(5);
        assertThat(dataSource.isOpen()).as("probes that fail keep it open").isTrue();

        pool.failure = null;
        while (dataSource.isOpen() && System.nanoTime() < until) Thread.sleep(5);
        assertThat(dataSource.isOpen()).as("a probe's connection closes the breaker").isFalse();
        assertThat(dataSource.getConnection()).isNotNull();
    }

    @Test
    void aBusyPoolWithoutAConnectionFailureDoesNotTripIt() {
        Pool pool = new Pool();
        FailFastDataSource dataSource = new FailFastDataSource(pool);
        pool.failure = new SQLTransientConnectionException("Connection is not available, request timed out after 2000ms");
        assertThatThrownBy(dataSource::getConnection).isSameAs(pool.failure);
        assertThatThrownBy(dataSource::getConnection).isSameAs(pool.failure);
        assertThat(pool.attempts).as("every caller still waits for the pool").hasValue(2);
        assertThat(dataSource.isOpen()).isFalse();
    }

    @Test
    void aConnectionLostMidTransactionCountsAsTheDatabaseGoneButOtherErrorsDoNot() {
        assertThat(FailFastDataSource.isConnectionFailure(new RuntimeException("JDBC rollback failed",
                new SQLException("Connection is closed")))).as("Hikari's proxy of a connection it evicted").isTrue();
        assertThat(FailFastDataSource.isConnectionFailure(new RuntimeException("JDBC commit failed",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
        assertThat(FailFastDataSource.isConnectionFailure(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(FailFastDataSource.isConnectionFailure(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(FailFastDataSource.isConnectionFailure(new SQLException("Statement is closed"))).isFalse();
        assertThat(FailFastDataSource.isConnectionFailure(new IllegalStateException("Connection is closed"))).isFalse();
    }

    @Test
    void unwrapsToThePoolSoPoolMetricsStillFindIt() throws SQLException {
        Pool pool = new Pool();
        FailFastDataSource dataSource = new FailFastDataSource(pool);
        assertThat(dataSource.isWrapperFor(Pool.class)).isTrue();
        assertThat(dataSource.unwrap(Pool.class)).isSameAs(pool);
        assertThat(dataSource.isWrapperFor(Thread.class)).isFalse();
    }
}
