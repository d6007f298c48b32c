package com.webprometrics.command.reports;

import com.webprometrics.command.infra.EventPositions;
import com.webprometrics.command.reports.ReportCommands.RecordDelivery;
import com.webprometrics.command.reports.ReportCommands.RecordDeliveryFailure;
import com.webprometrics.platform.domain.DomainException;
import jakarta.annotation.PreDestroy;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Sends requested deliveries: lease a batch (several instances never take the same one), then for each fetch the
 * file from the query side, e-mail it, and record it — file row and {@code ReportDelivered} in one transaction.
 * <p>
 * At least once: a process that dies after the SMTP server took the message but before the record commits
 * leaves the lease to run out ({@code wpm.reports.lease}), and the delivery is sent again. Failures are recorded
 * as {@code ReportDeliveryFailed} and retried after {@code retry-backoff} × 4^(attempt−1), at most
 * {@code max-attempts} times; with no SMTP server configured a delivery fails at once, for good.
 */
@Component
class ReportDeliveries {
    static final int BATCH = 10;
    private static final Logger log = LoggerFactory.getLogger(ReportDeliveries.class);

    private final DeliveryQueue queue;
    private final ReportRenderer renderer;
    private final ReportMailer mailer;
    private final CommandGateway commands;
    private final EventPositions positions;
    private final ReportProperties properties;
    private final Clock clock;
    private final ExecutorService kicks = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "report-deliveries");
        thread.setDaemon(true);
        return thread;
    });

    ReportDeliveries(DeliveryQueue queue, ReportRenderer renderer, ReportMailer mailer, CommandGateway commands,
                     EventPositions positions, ReportProperties properties, Clock clock) {
        this.queue = queue;
        this.renderer = renderer;
        this.mailer = mailer;
        this.commands = commands;
        this.positions = positions;
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
        Instant now = clock.instant();
        List<DeliveryQueue.Claimed> claimed = queue.claim(now, now.plus(properties.lease()), BATCH);
        claimed.forEach(this::deliver);
        return claimed.size();
    }

    private void deliver(DeliveryQueue.Claimed claimed) {
        DeliveryQueue.Pending d = claimed.delivery();
        if (!mailer.configured()) {
            fail(claimed, "no-smtp", "No SMTP server is configured (WPM_SMTP_HOST), so nothing can be e-mailed.", false);
            return;
        }
        RenderedFile file;
        try {
            file = renderer.render(d.agencyId(), d.reportId(), d.format(), d.asOf(), positions.of(d.reportId()));
        } catch (RenderFailure e) {
            fail(claimed, "render", e.getMessage(), true);
            return;
        }
        try {
            mailer.send(d, file);
        } catch (MailException | jakarta.mail.MessagingException e) {
            fail(claimed, "smtp", "The SMTP server did not take the message: " + rootMessage(e), true);
            return;
        }
        record(() -> commands.sendAndWait(new RecordDelivery(d.reportId(), d.agencyId(), d.deliveryId(), file,
                d.recipients(), clock.instant(), claimed.attempt())), d);
    }

    private void fail(DeliveryQueue.Claimed claimed, String reason, String message, boolean retryable) {
        DeliveryQueue.Pending d = claimed.delivery();
        Instant now = clock.instant();
        Instant next = retryable && claimed.attempt() < properties.maxAttempts()
                ? now.plus(properties.retryBackoff().multipliedBy((long) Math.pow(4, claimed.attempt() - 1)))
                : null;
        log.warn("Delivery {} of report {} failed (attempt {}, {}): {}", d.deliveryId(), d.reportId(),
                claimed.attempt(), next == null ? "giving up" : "retrying at " + next, message);
        record(() -> commands.sendAndWait(new RecordDeliveryFailure(d.reportId(), d.agencyId(), d.deliveryId(), reason,
                message.length() > 500 ? message.substring(0, 500) : message, claimed.attempt(), now, next)), d);
    }

    private void record(Runnable command, DeliveryQueue.Pending d) {
        try {
            command.run();
        } catch (DomainException e) {
            log.info("Delivery {} of report {} not recorded: {}", d.deliveryId(), d.reportId(), e.getMessage());
        } catch (RuntimeException e) {
            // the lease runs out and the delivery is taken again: at least once
            log.warn("Delivery {} of report {} could not be recorded", d.deliveryId(), d.reportId(), e);
        }
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
