package com.webprometrics.command.reports;

import com.webprometrics.command.infra.Commands;
import com.webprometrics.platform.axon.EventStoreHead;
import com.webprometrics.command.reports.ReportCommands.RecordDelivery;
import com.webprometrics.command.reports.ReportCommands.RecordDeliveryFailure;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The process that sends requested deliveries ({@link DeliveryQueue}). One at a time, each in one transaction that
 * holds the delivery's row (another instance skips it): fetch the file from the query side, e-mail it, keep its
 * bytes and record it ({@code ReportDelivered}) — or record the failed attempt ({@code ReportDeliveryFailed}).
 * <p>
 * At least once: a process that dies after the SMTP server took the message but before the record commits leaves
 * the delivery pending, and it is sent again. Failed attempts are retried after {@code retry-backoff} ×
 * 4^(attempt−1), at most {@code max-attempts} times; with no SMTP server configured a delivery fails at once, for
 * good.
 */
@Component
class ReportDeliveries {
    static final int BATCH = 10;
    private static final Logger log = LoggerFactory.getLogger(ReportDeliveries.class);

    private final DeliveryQueue queue;
    private final ReportFiles files;
    private final ReportRenderer renderer;
    private final ReportMailer mailer;
    private final Commands commands;
    private final EventStoreHead head;
    private final TransactionTemplate tx;
    private final ReportProperties properties;
    private final Clock clock;
    private final ExecutorService kicks = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "report-deliveries");
        thread.setDaemon(true);
        return thread;
    });

    ReportDeliveries(DeliveryQueue queue, ReportFiles files, ReportRenderer renderer, ReportMailer mailer,
                     Commands commands, EventStoreHead head, TransactionTemplate tx, ReportProperties properties,
                     Clock clock) {
        this.queue = queue;
        this.files = files;
        this.renderer = renderer;
        this.mailer = mailer;
        this.commands = commands;
        this.head = head;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    /** Starts sending in the background now rather than at the next check ("send now"), unless configured off. */
    void kick() {
        if (!properties.sendOnRequest()) {
            return;
        }
        kicks.execute(() -> {
            try {
                runOnce();
            } catch (RuntimeException e) {
                log.warn("Report deliveries failed", e);
            }
        });
    }

    /** @return how many deliveries were taken */
    int runOnce() {
        int taken = 0;
        while (taken < BATCH) {
            Boolean took;
            try {
                took = tx.execute(status -> queue.claimNext(clock.instant()).map(d -> {
                    deliver(d);
                    return true;
                }).orElse(false));
            } catch (RuntimeException e) {
                // nothing of the attempt was recorded: the delivery stays due and is taken again (at least once)
                log.warn("A delivery could not be recorded; it stays due", e);
                break;
            }
            if (!Boolean.TRUE.equals(took)) {
                break;
            }
            taken++;
        }
        return taken;
    }

    private void deliver(DeliveryQueue.Pending d) {
        if (!mailer.configured()) {
            fail(d, "no-smtp", "No SMTP server is configured (WPM_SMTP_HOST), so nothing can be e-mailed.", false);
            return;
        }
        RenderedFile file;
        try {
            file = renderer.render(d.agencyId(), d.reportId(), d.format(), d.asOf(), head.position());
        } catch (RenderFailure e) {
            fail(d, "render", e.getMessage(), true);
            return;
        }
        try {
            mailer.send(d, file);
        } catch (MailException | jakarta.mail.MessagingException e) {
            fail(d, "smtp", "The SMTP server did not take the message: " + rootMessage(e), true);
            return;
        }
        files.keep(file);
        commands.send(new RecordDelivery(d.reportId(), d.agencyId(), d.deliveryId(), file, d.recipients(),
                clock.instant(), d.attempt()));
    }

    private void fail(DeliveryQueue.Pending d, String reason, String message, boolean retryable) {
        Instant now = clock.instant();
        Instant next = retryable && d.attempt() < properties.maxAttempts()
                ? now.plus(properties.retryBackoff().multipliedBy((long) Math.pow(4, d.attempt() - 1)))
                : null;
        log.warn("Delivery {} of report {} failed (attempt {}, {}): {}", d.deliveryId(), d.reportId(), d.attempt(),
                next == null ? "giving up" : "retrying at " + next, message);
        commands.send(new RecordDeliveryFailure(d.reportId(), d.agencyId(), d.deliveryId(), reason,
                message.length() > 500 ? message.substring(0, 500) : message, d.attempt(), now, next));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    @PreDestroy
    void stop() {
        kicks.shutdownNow();
    }
}
