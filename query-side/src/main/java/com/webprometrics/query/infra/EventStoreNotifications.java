package com.webprometrics.query.infra;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * Tells the processors when the event store has news. The appending service notifies channel {@value #CHANNEL}
 * after its commits (platform {@code AppendSignal}: at once after a quiet spell, at most every 20 ms under load — so
 * also when a commit fills a gap below the head); one dedicated connection LISTENs and bumps a counter that idle event streams wait on
 * ({@link NotifiedEventSource}). Instead of every processor asking PostgreSQL every few milliseconds, an idle
 * processor asks when told, and by itself only every {@code wpm.event-store.idle-poll}. A lost connection is
 * re-opened after a second; meanwhile the processors fall back to polling.
 */
@Component
public class EventStoreNotifications implements SmartLifecycle {
    static final String CHANNEL = "wpm_events";
    private static final Logger log = LoggerFactory.getLogger(EventStoreNotifications.class);
    private static final int WAIT_MILLIS = 1000;

    private final DataSourceProperties database;
    private final Object changed = new Object();
    private long version;
    private volatile boolean running;
    private Thread listener;

    EventStoreNotifications(DataSourceProperties database) {
        this.database = database;
    }

    /** A number that grows with every notification (and after a reconnect, when some may have been missed). */
    public long version() {
        synchronized (changed) {
            return version;
        }
    }

    /** Waits until {@link #version()} differs from {@code seen}; false when {@code nanos} passed without news. */
    public boolean awaitChange(long seen, long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        synchronized (changed) {
            while (version == seen) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(changed, left);
            }
            return true;
        }
    }

    private void bump() {
        synchronized (changed) {
            version++;
            changed.notifyAll();
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(database.determineUrl(),
                    database.determineUsername(), database.determinePassword())) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                bump(); // whatever was appended while nobody listened
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    var notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        bump();
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Listening for new events failed ({}); processors poll every idle-poll until it is back",
                            e.getMessage());
                    pause();
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void start() {
        running = true;
        listener = new Thread(this::listen, "wpm-event-notifications");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the event processors start (Axon's lifecycle runs in a later phase), after them on shutdown. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
