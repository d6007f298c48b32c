package com.webprometrics.query.audit;

import com.webprometrics.events.auth.AgencyRegistered;
import com.webprometrics.events.auth.LoginFailed;
import com.webprometrics.events.auth.UserLockedOut;
import com.webprometrics.events.auth.UserRegistered;
import com.webprometrics.events.billing.InvoiceIssued;
import com.webprometrics.events.billing.InvoicePaid;
import com.webprometrics.events.billing.InvoicePaymentFailed;
import com.webprometrics.events.billing.PaymentMethodSaved;
import com.webprometrics.events.billing.PlanChanged;
import com.webprometrics.events.billing.PlanChangeScheduled;
import com.webprometrics.events.billing.SubscriptionCanceled;
import com.webprometrics.events.billing.TrialStarted;
import com.webprometrics.events.clients.ClientArchived;
import com.webprometrics.events.clients.ClientCreated;
import com.webprometrics.events.clients.ClientDetailsUpdated;
import com.webprometrics.events.clients.ClientRestored;
import com.webprometrics.events.integrations.IntegrationConnected;
import com.webprometrics.events.integrations.IntegrationDisconnected;
import com.webprometrics.events.integrations.IntegrationRequested;
import com.webprometrics.events.integrations.IntegrationSyncFailed;
import com.webprometrics.events.integrations.IntegrationSyncSucceeded;
import com.webprometrics.events.reports.ReportChanged;
import com.webprometrics.events.reports.ReportCreated;
import com.webprometrics.events.reports.ReportDeleted;
import com.webprometrics.events.reports.ReportDelivered;
import com.webprometrics.events.reports.ReportScheduleCancelled;
import com.webprometrics.events.reports.ReportScheduled;
import com.webprometrics.events.team.InvitationAccepted;
import com.webprometrics.events.team.InvitationIssued;
import com.webprometrics.events.team.UserDeactivated;
import com.webprometrics.events.team.UserRoleChanged;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * One line in business terms for an event, without its actor ("renamed client Acme Ltd → Acme Group"); the search
 * puts the actor's current name in front. People appear as {@link Person} placeholders, resolved when read, so an
 * erased member's name or an invitee's e-mail is never stored in a summary. Events without a sentence of their own
 * read as their type in words.
 */
final class AuditSummaries {
    /** Names as the audit projection last saw them (a client's, a report's title), by aggregate id. */
    interface Names {
        String of(UUID id);
    }

    private AuditSummaries() {
    }

    static String describe(Object event, Names names) {
        if (event instanceof ClientCreated e) return "created client " + e.name();
        if (event instanceof ClientDetailsUpdated e) return clientUpdated(e, names.of(e.clientId()));
        if (event instanceof ClientArchived e) return "archived client " + name(names, e.clientId());
        if (event instanceof ClientRestored e) return "restored client " + name(names, e.clientId());
        if (event instanceof AgencyRegistered e) return "registered agency " + e.name() + " on the " + e.plan() + " plan";
        if (event instanceof UserRegistered e) return "joined as " + e.role().toLowerCase(Locale.ROOT);
        if (event instanceof LoginFailed e) return "failed to sign in (" + e.reason() + ")";
        if (event instanceof UserLockedOut e) return "was locked out after " + e.consecutiveFailures() + " failed sign-ins";
        if (event instanceof InvitationIssued e) return "invited " + Person.invitee(e.invitationId()) + " as " + e.role().toLowerCase(Locale.ROOT);
        if (event instanceof InvitationAccepted e) return "accepted the invitation";
        if (event instanceof UserRoleChanged e) return "changed " + Person.user(e.userId()) + "'s role from "
                + e.previousRole().toLowerCase(Locale.ROOT) + " to " + e.role().toLowerCase(Locale.ROOT);
        if (event instanceof UserDeactivated e) return "deactivated " + Person.user(e.userId());
        if (event instanceof IntegrationRequested e) return "started connecting " + e.provider() + " for client " + name(names, e.clientId());
        if (event instanceof IntegrationConnected e) return "connected " + e.provider() + " (" + e.accountName() + ") for client " + name(names, e.clientId());
        if (event instanceof IntegrationDisconnected e) return "disconnected " + e.provider() + " from client " + name(names, e.clientId());
        if (event instanceof IntegrationSyncSucceeded e) return "synced " + e.provider() + " for client " + name(names, e.clientId()) + ": " + e.daysRecorded() + " days";
        if (event instanceof IntegrationSyncFailed e) return "failed to sync " + e.provider() + " for client " + name(names, e.clientId()) + " (" + e.reason() + ")";
        if (event instanceof ReportCreated e) return "created report " + e.title() + " for client " + name(names, e.clientId());
        if (event instanceof ReportChanged e) return reportChanged(e, names.of(e.reportId()));
        if (event instanceof ReportDeleted e) return "deleted report " + name(names, e.reportId());
        if (event instanceof ReportScheduled e) return "scheduled report " + name(names, e.reportId()) + " " + e.frequency().toLowerCase(Locale.ROOT) + " as " + e.format() + " to " + recipients(e.recipients().size());
        if (event instanceof ReportScheduleCancelled e) return "stopped the schedule of report " + name(names, e.reportId());
        if (event instanceof ReportDelivered e) return "delivered report " + name(names, e.reportId()) + " to " + recipients(e.recipients().size());
        if (event instanceof TrialStarted e) return "started a trial of the " + e.plan() + " plan";
        if (event instanceof PlanChanged e) return "changed the plan from " + e.fromPlan() + " to " + e.toPlan();
        if (event instanceof PlanChangeScheduled e) return "scheduled a change from " + e.fromPlan() + " to " + e.toPlan();
        if (event instanceof SubscriptionCanceled e) return "canceled the subscription (" + e.reason() + ")";
        if (event instanceof PaymentMethodSaved e) return "saved a card " + e.brand() + " •••• " + e.last4();
        if (event instanceof InvoiceIssued e) return "issued " + ("credit-note".equals(e.kind()) ? "credit note " : "invoice ") + e.number() + " for " + money(e.totalCents(), e.currency());
        if (event instanceof InvoicePaid e) return "paid an invoice: " + money(e.amountCents(), null);
        if (event instanceof InvoicePaymentFailed e) return "payment attempt " + e.attempt() + " failed (" + e.failureCode() + ")";
        return words(event.getClass().getSimpleName());
    }

    /** The name an event gives its aggregate, for the next summaries; null when it gives none. */
    static String nameIn(Object event) {
        if (event instanceof ClientCreated e) return e.name();
        if (event instanceof ClientDetailsUpdated e) return e.name();
        if (event instanceof ReportCreated e) return e.title();
        if (event instanceof ReportChanged e) return e.title();
        if (event instanceof AgencyRegistered e) return e.name();
        return null;
    }

    private static String clientUpdated(ClientDetailsUpdated e, String before) {
        if (before != null && e.name() != null && !before.equals(e.name())) {
            return "renamed client " + before + " → " + e.name();
        }
        return "updated the details of client " + (e.name() != null ? e.name() : before);
    }

    private static String reportChanged(ReportChanged e, String before) {
        if (before != null && e.title() != null && !before.equals(e.title())) {
            return "renamed report " + before + " → " + e.title();
        }
        return "changed report " + (e.title() != null ? e.title() : before);
    }

    private static String name(Names names, UUID id) {
        return Objects.requireNonNullElse(names.of(id), String.valueOf(id));
    }

    private static String recipients(int count) {
        return count == 1 ? "1 recipient" : count + " recipients";
    }

    private static String money(long cents, String currency) {
        return String.format(Locale.ROOT, "%d.%02d%s", cents / 100, Math.abs(cents % 100),
                currency == null ? "" : " " + currency.toUpperCase(Locale.ROOT));
    }

    /** {@code IntegrationSyncStarted} → "integration sync started" */
    static String words(String type) {
        return type.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }
}
