package com.webprometrics.command.audit;

import com.webprometrics.command.infra.mail.Mail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The e-mail sink ({@code wpm.audit.sink-email}): every {@code sink-email-interval}, the checkpoints signed since the
 * last e-mail go to that address as the sink's lines (each with its consistency proof from the one before) in an
 * NDJSON attachment — a copy of the chain in a mailbox the database's operators do not control. The first e-mail
 * starts at the newest checkpoint; at most {@value #MAX_LINES} lines an e-mail, the next goes on. One that could not
 * be sent is sent again, with what was signed since, next time; one mailer at a time across command sides.
 */
@Component
class CheckpointMailer {
    static final int MAX_LINES = 1_000;
    private static final Logger log = LoggerFactory.getLogger(CheckpointMailer.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final CheckpointPublisher publisher;
    private final Mail mail;
    private final String to;

    CheckpointMailer(JdbcTemplate jdbc, TransactionTemplate tx, CheckpointPublisher publisher, Mail mail,
                     AuditProperties properties) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.publisher = publisher;
        this.mail = mail;
        this.to = properties.sinkEmail();
    }

    /** @return how many checkpoints went out */
    int mailPending() {
        if (!mail.configured()) {
            log.warn("WPM_AUDIT_SINK_EMAIL is set but no SMTP server (WPM_SMTP_HOST): audit checkpoints are not "
                    + "e-mailed");
            return 0;
        }
        Integer sent = tx.execute(status -> {
            if (!Boolean.TRUE.equals(jdbc.queryForObject(
                    "SELECT pg_try_advisory_xact_lock(hashtext('wpm.audit.email'))", Boolean.class))) {
                return 0;
            }
            // after the last one e-mailed; the first time, from the newest
            List<Long> sizes = jdbc.queryForList("""
                    SELECT size FROM event_store.audit_checkpoint
                    WHERE size >= coalesce((SELECT emailed_size + 1 FROM event_store.audit_sealer WHERE id = 1),
                                           (SELECT max(size) FROM event_store.audit_checkpoint))
                    ORDER BY size LIMIT ?""", Long.class, MAX_LINES);
            if (sizes.isEmpty()) {
                return 0;
            }
            long first = sizes.get(0);
            long last = sizes.get(sizes.size() - 1);
            send(first, last, sizes.stream().map(publisher::line).collect(Collectors.joining("\n", "", "\n")));
            jdbc.update("UPDATE event_store.audit_sealer SET emailed_size = ? WHERE id = 1", last);
            return sizes.size();
        });
        return sent == null ? 0 : sent;
    }

    private void send(long first, long last, String lines) {
        try {
            MimeMessage message = mail.newMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(mail.from());
            helper.setTo(to);
            String range = first == last ? "size " + first : "sizes " + first + "–" + last;
            helper.setSubject("WebProMetrics audit log: signed checkpoints, " + range);
            helper.setText("""
                    The signed checkpoints of the WebProMetrics audit log taken since the last e-mail (%s), each with
                    its consistency proof from the one before, are attached as NDJSON lines.

                    Keep this e-mail where the database's operators cannot change it. To check an agency's export
                    against it, save the attachment (or the attachments of several e-mails, oldest first, into one
                    file) and run:

                        ./wpm audit verify <export.ndjson> --checkpoint <attachment> --key <checkpoint-key.json>
                    """.formatted(range));
            helper.getRootMimeMultipart().addBodyPart(Mail.attachment(lines.getBytes(StandardCharsets.UTF_8),
                    "application/x-ndjson", "audit-checkpoints-" + first + "-" + last + ".ndjson"));
            mail.send(message);
        } catch (MessagingException e) {
            throw new IllegalStateException("The audit checkpoint e-mail could not be built", e);
        }
    }
}
