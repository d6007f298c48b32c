package com.webprometrics.command.reports;

import com.webprometrics.command.infra.Commands;
import com.webprometrics.command.reports.ReportCommands.RequestDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The process behind scheduled reports. Every {@code wpm.reports.delivery-check} (1 min): turns due schedules
 * ({@link ReportSchedules}) into delivery requests, then sends what is waiting ({@link ReportDeliveries}). Each due
 * report is claimed and requested in one transaction — the request's event moves it to its next occurrence; the
 * delivery's id is derived from the report and the occurrence, so even two instances that both saw it due would
 * request it once (the aggregate accepts an id once).
 */
@Component
class ScheduledReports {
    static final int BATCH = 50;
    private static final Logger log = LoggerFactory.getLogger(ScheduledReports.class);

    private final ReportSchedules schedules;
    private final ReportDeliveries deliveries;
    private final Commands commands;
    private final TransactionTemplate tx;
    private final Clock clock;

    ScheduledReports(ReportSchedules schedules, ReportDeliveries deliveries, Commands commands,
                     TransactionTemplate tx, Clock clock) {
        this.schedules = schedules;
        this.deliveries = deliveries;
        this.commands = commands;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${wpm.reports.delivery-check}", initialDelayString = "${wpm.reports.delivery-check}")
    void tick() {
        requestDue();
        while (deliveries.runOnce() == ReportDeliveries.BATCH) {
            // a full batch: there may be more waiting
        }
    }

    /** @return how many due reports were requested */
    int requestDue() {
        int requested = 0;
        for (int i = 0; i < BATCH; i++) {
            Instant now = clock.instant();
            Optional<ReportSchedules.Due> due;
            try {
                due = tx.execute(status -> schedules.claimNextDue(now).map(d -> {
                    Boolean fresh = commands.<Boolean>send(new RequestDelivery(d.reportId(), d.agencyId(),
                            deliveryId(d), "schedule", null, null, DeliveryCalendar.day(d.dueAt(), d.timeZone()), now))
                            .answer();
                    if (!Boolean.TRUE.equals(fresh)) {
                        throw new IllegalStateException("report " + d.reportId() + " was already requested for "
                                + d.dueAt() + " but is still due");
                    }
                    return d;
                }));
            } catch (RuntimeException e) {
                log.warn("A due report could not be requested; it stays due", e);
                break;
            }
            if (due == null || due.isEmpty()) {
                break;
            }
            requested++;
        }
        return requested;
    }

    static UUID deliveryId(ReportSchedules.Due due) {
        return UUID.nameUUIDFromBytes(("scheduled:" + due.reportId() + "@" + due.dueAt())
                .getBytes(StandardCharsets.UTF_8));
    }
}
