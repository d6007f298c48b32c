package com.webprometrics.command.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the audit log on one background thread of its own: a sealing pass every {@code wpm.audit.seal-interval},
 * a checkpoint (and its publication) every {@code wpm.audit.checkpoint-interval}; the e-mail sink, when set, on a
 * second thread (a slow mail server never holds sealing back). Commands never wait for any of it. Every command side
 * runs one; the sealer's row lock lets one seal at a time.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
class AuditSealing implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(AuditSealing.class);

    private final Sealer sealer;
    private final Checkpointer checkpointer;
    private final CheckpointPublisher publisher;
    private final CheckpointMailer mailer;
    private final AuditProperties properties;
    private volatile ScheduledExecutorService executor;
    private volatile ScheduledExecutorService mailing;

    AuditSealing(Sealer sealer, Checkpointer checkpointer, CheckpointPublisher publisher, CheckpointMailer mailer,
                 AuditProperties properties) {
        this.sealer = sealer;
        this.checkpointer = checkpointer;
        this.publisher = publisher;
        this.mailer = mailer;
        this.properties = properties;
    }

    @Override
    public void start() {
        ScheduledExecutorService started = thread("wpm-audit-sealer");
        long seal = properties.sealInterval().toMillis();
        long checkpoint = properties.checkpointInterval().toMillis();
        started.scheduleWithFixedDelay(this::seal, seal, seal, TimeUnit.MILLISECONDS);
        started.scheduleWithFixedDelay(this::checkpoint, checkpoint, checkpoint, TimeUnit.MILLISECONDS);
        executor = started;
        if (properties.emailsCheckpoints()) {
            long email = properties.sinkEmailInterval().toMillis();
            mailing = thread("wpm-audit-mailer");
            mailing.scheduleWithFixedDelay(this::email, email, email, TimeUnit.MILLISECONDS);
        }
    }

    private static ScheduledExecutorService thread(String name) {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    private void seal() {
        try {
            sealer.sealAll();
        } catch (RuntimeException e) {
            log.warn("Audit sealing pass failed (next pass retries): {}", e.toString());
        }
    }

    private void checkpoint() {
        try {
            sealer.sealAll();
            checkpointer.checkpoint();
            publisher.publishPending();
        } catch (RuntimeException e) {
            log.warn("Audit checkpoint failed (next one retries): {}", e.toString());
        }
    }

    private void email() {
        try {
            mailer.mailPending();
        } catch (RuntimeException e) {
            log.warn("Could not e-mail audit checkpoints (the next e-mail sends them): {}", e.toString());
        }
    }

    @Override
    public void stop() {
        stop(mailing);
        mailing = null;
        stop(executor);
        executor = null;
    }

    private static void stop(ScheduledExecutorService running) {
        if (running != null) {
            running.shutdownNow();
            try {
                running.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
