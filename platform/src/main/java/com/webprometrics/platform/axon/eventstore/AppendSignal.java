package com.webprometrics.platform.axon.eventstore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Wakes the query side's processors after appends: {@code NOTIFY} on channel {@value #CHANNEL}, sent by one
 * daemon thread after the appending transaction committed, from its own transaction with
 * {@code synchronous_commit = off} (a lost notification is caught by the processors' idle poll). The first commit
 * after a quiet spell is signalled at once; under load at most one signal goes out per {@code minInterval}, however
 * many commits happened meanwhile, so each of the query side's five processors wakes to a batch: at one connection,
 * 20 ms instead of 5 ms halved the query side's CPU per command (docs/benchmarks.md).
 * <p>
 * Why not a trigger in the append's transaction: PostgreSQL serializes the commits of notifying transactions on
 * one lock, held across the commit's WAL flush — measured at 32 writers, a statement trigger calling
 * {@code pg_notify} cut single-event commits from ~10,700/s to ~4,000/s (docs/benchmarks.md).
 */
public class AppendSignal {
    public static final String CHANNEL = "wpm_events";
    private static final Logger log = LoggerFactory.getLogger(AppendSignal.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final long minIntervalNanos;
    private volatile boolean pending;
    private volatile Thread sender;

    public AppendSignal(DataSource dataSource, PlatformTransactionManager transactions, long minIntervalMillis) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(transactions);
        this.minIntervalNanos = TimeUnit.MILLISECONDS.toNanos(minIntervalMillis);
    }

    /** Events were committed: the listeners hear of it within {@code minInterval}. */
    public void appended() {
        pending = true;
        Thread t = sender;
        if (t == null) {
            t = start();
        }
        LockSupport.unpark(t);
    }

    private synchronized Thread start() {
        if (sender == null) {
            Thread t = new Thread(this::run, "wpm-append-signal");
            t.setDaemon(true);
            sender = t;
            t.start();
        }
        return sender;
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            if (!pending) {
                LockSupport.park(this);
                continue;
            }
            pending = false;
            try {
                tx.executeWithoutResult(status -> {
                    jdbc.execute("SET LOCAL synchronous_commit = off");
                    jdbc.execute("NOTIFY " + CHANNEL);
                });
            } catch (RuntimeException e) {
                log.debug("Could not notify {}: {}", CHANNEL, e.getMessage());
            }
            long until = System.nanoTime() + minIntervalNanos;
            for (long left = minIntervalNanos; left > 0; left = until - System.nanoTime()) {
                LockSupport.parkNanos(this, left);
            }
        }
    }
}
