package com.webprometrics.command.reports;

import com.webprometrics.command.reports.ReportCommands.ChangeReport;
import com.webprometrics.command.reports.ReportCommands.CreateReport;
import com.webprometrics.command.reports.ReportCommands.DeleteReport;
import com.webprometrics.command.reports.ReportCommands.RecordDelivery;
import com.webprometrics.command.reports.ReportCommands.RecordDeliveryFailure;
import com.webprometrics.command.reports.ReportCommands.RequestDelivery;
import com.webprometrics.events.reports.ReportChanged;
import com.webprometrics.events.reports.ReportCreated;
import com.webprometrics.events.reports.ReportDeleted;
import com.webprometrics.events.reports.ReportDelivered;
import com.webprometrics.events.reports.ReportDeliveryFailed;
import com.webprometrics.events.reports.ReportDeliveryRequested;
import com.webprometrics.events.reports.ReportScheduleCancelled;
import com.webprometrics.events.reports.ReportScheduled;
import com.webprometrics.platform.privacy.PersonalDataCipher;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A saved report of one client. Decides its definition, its schedule and the fate of each delivery: a delivery
 * is requested once per id, recorded as delivered at most once, and a deleted report takes no new deliveries
 * (but one already on its way may still be recorded — the e-mail has gone out).
 */
@Aggregate(snapshotTriggerDefinition = "snapshotEveryN", cache = "reportCache")
public class Report {
    @AggregateIdentifier
    private UUID reportId;
    private UUID agencyId;
    private UUID clientId;
    private String timeZone;
    private ReportDefinition definition;
    private DeliverySchedule schedule;
    private boolean deleted;
    private final Map<UUID, DeliveryState> deliveries = new HashMap<>();

    private enum DeliveryState { PENDING, DELIVERED, GAVE_UP }

    protected Report() {
    }

    /** Created by {@link CreateReportHandler} once the client and the agency's time zone are known. */
    Report(CreateReport command, String timeZone) {
        requireValid(command.definition().problems(), ReportRejection.INVALID_DEFINITION);
        ReportDefinition d = command.definition();
        apply(new ReportCreated(command.reportId(), command.agencyId(), command.clientId(), d.title(), d.metrics(),
                d.from(), d.to(), d.range(), timeZone));
        if (command.schedule() != null) {
            // events applied in a constructor reach the fields only after it returns: pass the ids along
            schedule(command.reportId(), command.agencyId(), command.clientId(), timeZone, command.schedule());
        }
    }

    @CommandHandler
    void handle(ChangeReport command) {
        requireMine(command.agencyId());
        ReportDefinition next = command.patch() == null ? definition : command.patch().applyTo(definition);
        requireValid(next.problems(), ReportRejection.INVALID_DEFINITION);
        DeliverySchedule nextSchedule = command.scheduleGiven() ? command.schedule() : schedule;
        if (nextSchedule != null) {
            requireValid(nextSchedule.problems("schedule."), ReportRejection.INVALID_SCHEDULE);
        }
        if (!next.sameAs(definition)) {
            apply(new ReportChanged(reportId, agencyId, clientId, next.title(), next.metrics(), next.from(), next.to(),
                    next.range()));
        }
        if (nextSchedule == null && schedule != null) {
            apply(new ReportScheduleCancelled(reportId, agencyId, clientId));
        } else if (nextSchedule != null && !nextSchedule.equals(schedule)) {
            schedule(reportId, agencyId, clientId, timeZone, nextSchedule);
        }
    }

    @CommandHandler
    void handle(DeleteReport command) {
        requireMine(command.agencyId());
        apply(new ReportDeleted(reportId, agencyId, clientId));
    }

    @CommandHandler
    boolean handle(RequestDelivery command) {
        requireMine(command.agencyId());
        if (deliveries.containsKey(command.deliveryId())) {
            return false;
        }
        String format = command.format() != null ? command.format() : schedule != null ? schedule.format() : "pdf";
        if (!DeliverySchedule.FORMATS.contains(format)) {
            throw ReportRejection.INVALID_FORMAT.get();
        }
        List<String> recipients = command.recipients() != null ? command.recipients()
                : schedule != null ? schedule.recipients() : null;
        if (recipients == null) {
            throw ReportRejection.NO_RECIPIENTS.get();
        }
        requireValid(DeliverySchedule.recipientProblems(recipients, "recipients"), ReportRejection.INVALID_RECIPIENTS);
        LocalDate asOf = command.asOf() != null ? command.asOf() : LocalDate.ofInstant(command.requestedAt(), zone());
        apply(new ReportDeliveryRequested(reportId, agencyId, clientId, command.deliveryId(), command.trigger(), format,
                recipients, asOf, definition.title()));
        return true;
    }

    @CommandHandler
    void handle(RecordDelivery command) {
        requireKnownDelivery(command.agencyId(), command.deliveryId());
        if (deliveries.get(command.deliveryId()) == DeliveryState.DELIVERED) {
            return; // a worker that crashed after sending and was retried: the first record stands
        }
        RenderedFile file = command.file();
        String sha256 = file.sha256();
        apply(new ReportDelivered(reportId, agencyId, clientId, command.deliveryId(), file.format(), file.from(),
                file.to(), command.recipients(), file.fileName(), sha256, file.content().length, file.dataPosition(),
                command.deliveredAt(), command.attempt()));
    }

    @CommandHandler
    void handle(RecordDeliveryFailure command) {
        requireKnownDelivery(command.agencyId(), command.deliveryId());
        if (deliveries.get(command.deliveryId()) != DeliveryState.PENDING) {
            return;
        }
        apply(new ReportDeliveryFailed(reportId, agencyId, clientId, command.deliveryId(), command.reason(),
                command.message(), command.attempt(), command.failedAt(), command.nextAttemptAt()));
    }

    private static void schedule(UUID reportId, UUID agencyId, UUID clientId, String timeZone, DeliverySchedule next) {
        requireValid(next.problems("schedule."), ReportRejection.INVALID_SCHEDULE);
        apply(new ReportScheduled(reportId, agencyId, clientId, next.frequency(), next.format(), next.recipients(),
                timeZone));
    }

    private ZoneId zone() {
        try {
            return ZoneId.of(timeZone);
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }

    /** Another agency's report, or a deleted one, does not exist as far as the caller can tell. */
    private void requireMine(UUID agency) {
        if (!agencyId.equals(agency) || deleted) {
            throw ReportRejection.NOT_FOUND.get();
        }
    }

    private void requireKnownDelivery(UUID agency, UUID deliveryId) {
        if (!agencyId.equals(agency) || !deliveries.containsKey(deliveryId)) {
            throw ReportRejection.DELIVERY_NOT_FOUND.get();
        }
    }

    private static void requireValid(List<FieldProblem> problems, ReportRejection rejection) {
        if (!problems.isEmpty()) {
            FieldProblem first = problems.get(0);
            throw rejection.because(first.field() + " " + first.message() + ".");
        }
    }

    @EventSourcingHandler
    void on(ReportCreated event) {
        reportId = event.reportId();
        agencyId = event.agencyId();
        clientId = event.clientId();
        timeZone = event.timeZone();
        definition = new ReportDefinition(event.title(), event.metrics(), event.from(), event.to(), event.range());
    }

    @EventSourcingHandler
    void on(ReportChanged event) {
        definition = new ReportDefinition(event.title(), event.metrics(), event.from(), event.to(), event.range());
    }

    /** Recipients erased since (a client contact's erasure) are no addresses: the schedule keeps the others. */
    @EventSourcingHandler
    void on(ReportScheduled event) {
        schedule = new DeliverySchedule(event.frequency(), event.format(), event.recipients().stream()
                .filter(r -> !PersonalDataCipher.ERASED.equals(r)).toList());
    }

    @EventSourcingHandler
    void on(ReportScheduleCancelled event) {
        schedule = null;
    }

    @EventSourcingHandler
    void on(ReportDeleted event) {
        deleted = true;
        schedule = null;
    }

    @EventSourcingHandler
    void on(ReportDeliveryRequested event) {
        deliveries.put(event.deliveryId(), DeliveryState.PENDING);
    }

    @EventSourcingHandler
    void on(ReportDelivered event) {
        deliveries.put(event.deliveryId(), DeliveryState.DELIVERED);
    }

    @EventSourcingHandler
    void on(ReportDeliveryFailed event) {
        if (event.nextAttemptAt() == null) {
            deliveries.put(event.deliveryId(), DeliveryState.GAVE_UP);
        }
    }
}
