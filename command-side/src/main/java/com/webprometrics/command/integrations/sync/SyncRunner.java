package com.webprometrics.command.integrations.sync;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The small bounded executor syncs fetch on, off the request threads: {@code wpm.integrations.sync-threads}
 * workers and a queue of {@code wpm.integrations.sync-queue}; beyond that a sync is refused rather than
 * piled up. On shutdown queued syncs are dropped: their started syncs go stale and the schedule retries
 * them after the lease.
 */
@Component
public class SyncRunner implements DisposableBean {
    private final ThreadPoolExecutor pool;
    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private int inFlight;

    SyncRunner(@Value("${wpm.integrations.sync-threads:2}") int threads,
               @Value("${wpm.integrations.sync-queue:50}") int queue) {
        AtomicInteger counter = new AtomicInteger();
        this.capacity = threads + queue;
        this.pool = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(queue),
                task -> {
                    Thread thread = new Thread(task, "wpm-sync-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** @throws RejectedExecutionException when every worker is busy and the queue is full */
    public void submit(Runnable sync) {
        lock.lock();
        try {
            inFlight++;
        } finally {
            lock.unlock();
        }
        try {
            pool.execute(() -> {
                try {
                    sync.run();
                } finally {
                    done();
                }
            });
        } catch (RejectedExecutionException e) {
            done();
            throw e;
        }
    }

    /** How many more syncs would be accepted right now. */
    public int freeCapacity() {
        lock.lock();
        try {
            return Math.max(0, capacity - inFlight);
        } finally {
            lock.unlock();
        }
    }

    /** Waits until no sync is queued or running; for tests and orderly shutdowns. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (inFlight > 0) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = idle.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void done() {
        lock.lock();
        try {
            inFlight--;
            if (inFlight == 0) {
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
    }
}
