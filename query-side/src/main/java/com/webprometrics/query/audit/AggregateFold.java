package com.webprometrics.query.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An aggregate's state as the auditor reads it: a fold of its events, each setting the fields it carries and, for
 * life-cycle events, the status. Events about things beside the aggregate (an invoice, a day of metrics, a sign-in)
 * change no field. The fold is generic on purpose: it reads every event type, old and new, the same way.
 */
final class AggregateFold {
    private static final Map<String, String> STATUS = Map.ofEntries(
            Map.entry("ClientCreated", "active"), Map.entry("ClientArchived", "archived"),
            Map.entry("ClientRestored", "active"), Map.entry("UserRegistered", "active"),
            Map.entry("UserDeactivated", "deactivated"), Map.entry("UserLockedOut", "locked"),
            Map.entry("IntegrationRequested", "pending"), Map.entry("IntegrationConnected", "connected"),
            Map.entry("IntegrationAuthorizationFailed", "reconnect-needed"),
            Map.entry("IntegrationReconnectRequested", "pending"), Map.entry("IntegrationDisconnected", "disconnected"),
            Map.entry("ReportCreated", "active"), Map.entry("ReportDeleted", "deleted"),
            Map.entry("TrialStarted", "trialing"), Map.entry("PeriodStarted", "active"),
            Map.entry("InvoicePaymentFailed", "past_due"), Map.entry("SubscriptionSuspended", "suspended"),
            Map.entry("SubscriptionReactivated", "active"), Map.entry("SubscriptionCanceled", "canceled"),
            Map.entry("InvitationIssued", "pending"), Map.entry("InvitationAccepted", "accepted"),
            Map.entry("AgencyRegistered", "active"));
    private static final Set<String> SIDE_RECORDS = Set.of("DailyMetricsRecorded", "IntegrationSyncStarted",
            "BillingStepScheduled", "InvoiceIssued", "InvoicePaid", "InvoicePaymentFailed", "InvoiceRefunded",
            "InvoiceDisputed", "ProviderEventReceived", "LoginSucceeded", "LoginFailed", "SessionStarted",
            "SessionRefreshed", "SessionEnded", "RefreshTokenReuseDetected", "ReportDeliveryRequested",
            "ReportDeliveryFailed", "ReportDelivered", "BillingClockAdvanced", "UserCredentialsChanged");
    private static final Set<String> NOT_STATE = Set.of("agencyId");

    private final Map<String, Object> state = new LinkedHashMap<>();

    /** Applies one event; answers what it changed, field by field. */
    Map<String, Change> apply(String eventType, Map<String, Object> payload) {
        Map<String, Object> before = new LinkedHashMap<>(state);
        if (!SIDE_RECORDS.contains(eventType)) {
            payload.forEach((field, value) -> {
                if (!NOT_STATE.contains(field) && value != null) {
                    state.put(field, value);
                }
            });
        }
        String status = STATUS.get(eventType);
        if (status != null) {
            state.put("status", status);
        }
        Map<String, Change> changes = new LinkedHashMap<>();
        state.forEach((field, value) -> {
            Object was = before.get(field);
            if (!Objects.equals(was, value)) {
                changes.put(field, new Change(was, value));
            }
        });
        return changes;
    }

    Map<String, Object> state() {
        return new LinkedHashMap<>(state);
    }

    record Change(Object from, Object to) {
    }
}
