package com.webprometrics.command.reports;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public final class ReportCommands {
    private ReportCommands() {
    }

    /** Handled by {@link CreateReportHandler}: the client must be the caller's and not archived. */
    public record CreateReport(UUID reportId, UUID agencyId, UUID clientId, ReportDefinition definition,
                               DeliverySchedule schedule) {
    }

    /**
     * Changes the definition ({@code patch} null: unchanged) and, when {@code scheduleGiven}, sets the schedule
     * ({@code schedule} null: cancel it) — all checked first, then recorded together.
     */
    public record ChangeReport(@TargetAggregateIdentifier UUID reportId, UUID agencyId, ReportPatch patch,
                               boolean scheduleGiven, DeliverySchedule schedule) {
    }

    public record DeleteReport(@TargetAggregateIdentifier UUID reportId, UUID agencyId) {
    }

    /**
     * Asks for one delivery. {@code format} and {@code recipients} may be null to use the schedule's. The same
     * {@code deliveryId} twice is accepted once (the schedule derives it from the report and the day, so two
     * instances claiming the same due report cannot send it twice). {@code asOf} null means the day of
     * {@code requestedAt} in the report's time zone. Answers true when it was newly requested.
     */
    public record RequestDelivery(@TargetAggregateIdentifier UUID reportId, UUID agencyId, UUID deliveryId,
                                  String trigger, String format, List<String> recipients, LocalDate asOf,
                                  Instant requestedAt) {
    }

    /** The file went out: keep it and record the delivery, in one transaction. */
    public record RecordDelivery(@TargetAggregateIdentifier UUID reportId, UUID agencyId, UUID deliveryId,
                                 RenderedFile file, List<String> recipients, Instant deliveredAt, int attempt) {
    }

    /** An attempt failed; {@code nextAttemptAt} null means give up. */
    public record RecordDeliveryFailure(@TargetAggregateIdentifier UUID reportId, UUID agencyId, UUID deliveryId,
                                        String reason, String message, int attempt, Instant failedAt,
                                        Instant nextAttemptAt) {
    }
}
