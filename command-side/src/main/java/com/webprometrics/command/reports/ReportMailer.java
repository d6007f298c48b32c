package com.webprometrics.command.reports;

import com.webprometrics.command.infra.mail.Mail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Sends a delivered report as an e-mail attachment ({@link Mail}; no SMTP host: deliveries fail visibly). */
@Component
class ReportMailer {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private final Mail mail;

    ReportMailer(Mail mail) {
        this.mail = mail;
    }

    boolean configured() {
        return mail.configured();
    }

    void send(DeliveryQueue.Pending delivery, RenderedFile file) throws MessagingException, MailException {
        MimeMessage message = mail.newMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(mail.from());
        helper.setTo(delivery.recipients().toArray(String[]::new));
        String range = DAY.format(file.from()) + " – " + DAY.format(file.to());
        helper.setSubject(delivery.title() + " · " + range);
        helper.setText("""
                Hello,

                attached is the report "%s" for %s (%s).

                Sent by WebProMetrics. SHA-256 of the attachment: %s
                """.formatted(delivery.title(), range, file.format().toUpperCase(Locale.ROOT), file.sha256()));
        helper.getRootMimeMultipart().addBodyPart(Mail.attachment(file.content(), file.contentType(), file.fileName()));
        message.setHeader("X-WPM-Delivery-Id", delivery.deliveryId().toString());
        mail.send(message);
    }
}
