package com.webprometrics.command.billing;

import com.webprometrics.command.infra.mail.Mail;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * The e-mails of the dunning steps, to the billing e-mail and the agency's owner: a failed payment, the suspension,
 * the cancellation, the reactivation. Sent once the step has committed (a rolled-back step tells nobody anything),
 * at most once.
 */
@Component
class BillingNotices {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy").withZone(ZoneOffset.UTC);

    private final Mail mail;
    private final JdbcTemplate jdbc;
    private final String billingPage;

    BillingNotices(Mail mail, JdbcTemplate jdbc, @Value("${wpm.auth.public-url}") String publicUrl) {
        this.mail = mail;
        this.jdbc = jdbc;
        this.billingPage = publicUrl.replaceAll("/+$", "") + "/billing";
    }

    void paymentFailed(Subscription subscription, UUID invoiceId, String reason) {
        Subscription.InvoiceState invoice = subscription.invoice(invoiceId);
        String retry = invoice == null || invoice.nextRetryAt() == null ? ""
                : "\nWe will try again on " + DAY.format(invoice.nextRetryAt()) + ".";
        send(subscription, "Your WebProMetrics payment failed", """
                Hello,

                we could not collect the payment for your WebProMetrics subscription%s.%s
                Update your card or pay the open invoice here: %s
                """.formatted(reason == null ? "" : " (" + reason + ")", retry, billingPage));
    }

    void suspended(Subscription subscription) {
        send(subscription, "Your WebProMetrics subscription is suspended", """
                Hello,

                every attempt to collect your open invoice failed, so your agency is read-only: you can still sign in,
                read and export, and pay. Pay the open invoice to continue: %s
                """.formatted(billingPage));
    }

    void canceled(Subscription subscription, String reason) {
        send(subscription, "Your WebProMetrics subscription has ended", """
                Hello,

                your WebProMetrics subscription ended%s. You can start it again any time: %s
                """.formatted("unpaid".equals(reason) ? " because the open invoice was not paid" : " as you asked",
                billingPage));
    }

    void reactivated(Subscription subscription) {
        send(subscription, "Your WebProMetrics subscription is active again", """
                Hello,

                thank you: your payment arrived and your subscription is active again.
                """);
    }

    private void send(Subscription subscription, String subject, String text) {
        List<String> to = recipients(subscription);
        Runnable sending = () -> to.forEach(address -> mail.sendLater(address, subject, text));
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(u -> sending.run());
        } else {
            sending.run();
        }
    }

    private List<String> recipients(Subscription subscription) {
        List<String> owners = jdbc.queryForList("SELECT email FROM command.user_accounts WHERE agency_id = ? "
                + "AND role = 'OWNER' AND active", String.class, subscription.agencyId());
        BillingDetails details = subscription.billingDetails();
        java.util.LinkedHashSet<String> to = new java.util.LinkedHashSet<>();
        if (details != null && details.billingEmail() != null) {
            to.add(details.billingEmail());
        }
        to.addAll(owners);
        return List.copyOf(to);
    }
}
