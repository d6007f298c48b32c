package com.webprometrics.websecurity;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.slf4j.LoggerFactory;

/**
 * A data source that stops making every request wait for a database that is gone. Once the pool could not reach
 * PostgreSQL (a connection-class failure, SQLState 08 or 57P0x), every caller fails at once with
 * {@link SQLTransientConnectionException} while one background thread asks the pool for a connection every
 * {@code probeInterval}; the first it gets closes the breaker. Without it an outage costs each request the pool's
 * whole connection timeout at every hop, and the waits add up along gateway → service (docs/operations.md,
 * "PostgreSQL goes away").
 *
 * <p>A pool that is merely busy (a timeout with no connection failure behind it) does not trip it.
 */
public final class FailFastDataSource implements DataSource {
    private static final org.slf4j.Logger log = LoggerFactory.getLogger(FailFastDataSource.class);
    private static final String CLOSED_BY_THE_POOL = "Connection is closed";

    private final DataSource pool;
    private final long probeIntervalMillis;
    private final AtomicBoolean unreachable = new AtomicBoolean();

    public FailFastDataSource(DataSource pool) {
        this(pool, Duration.ofMillis(250));
    }

    FailFastDataSource(DataSource pool, Duration probeInterval) {
        this.pool = pool;
        this.probeIntervalMillis = probeInterval.toMillis();
    }

    /** Whether callers are being turned away without waiting. */
    public boolean isOpen() {
        return unreachable.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connect(pool::getConnection);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return connect(() -> pool.getConnection(username, password));
    }

    private interface Attempt {
        Connection connect() throws SQLException;
    }

    private Connection connect(Attempt attempt) throws SQLException {
        if (unreachable.get()) {
            throw new SQLTransientConnectionException(
                    "PostgreSQL is unreachable; failing fast until a connection succeeds", "08001");
        }
        try {
            return attempt.connect();
        } catch (SQLException e) {
            if (isConnectionFailure(e) && unreachable.compareAndSet(false, true)) startProbing(e);
            throw e;
        }
    }

    private void startProbing(SQLException cause) {
        log.warn("PostgreSQL unreachable ({}); requests fail fast until a connection succeeds", cause.toString());
        Thread probe = new Thread(() -> {
            while (unreachable.get()) {
                try {
                    Thread.sleep(probeIntervalMillis);
                    pool.getConnection().close();
                    unreachable.set(false);
                    log.info("PostgreSQL reachable again");
                } catch (SQLException stillDown) {
                    // the next probe tries again
                } catch (InterruptedException e) {
                    unreachable.set(false);
                    Thread.currentThread().interrupt();
                }
            }
        }, "wpm-database-probe");
        probe.setDaemon(true);
        probe.start();
    }

    /**
     * Whether anything in the cause chain says PostgreSQL cannot be reached (SQLState class 08, or 57P0x: shut down),
     * or uses a connection the pool already closed as broken: Hikari answers every later call on it with a bare
     * "Connection is closed" (no SQLState) — the rollback after a failed commit, or a read after Axon swallowed the
     * I/O error of a snapshot read in the same transaction.
     */
    public static boolean isConnectionFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && (sql.getSQLState() == null
                    ? CLOSED_BY_THE_POOL.equals(sql.getMessage())
                    : sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }
}
