package com.webprometrics.command.reports;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Properties;

/**
 * Sends a delivered report as an e-mail attachment through the configured SMTP server ({@code WPM_SMTP_*}).
 * The sender is built here rather than by Boot's mail auto-configuration so that no SMTP host means no sender
 * (deliveries then fail visibly) and the mail server's health never decides the service's health.
 */
@Component
class ReportMailer {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private final ReportProperties.Smtp smtp;
    private final JavaMailSenderImpl sender;

    ReportMailer(ReportProperties properties) {
        this.smtp = properties.smtp();
        this.sender = smtp.configured() ? sender(smtp) : null;
    }

    boolean configured() {
        return sender != null;
    }

    void send(DeliveryQueue.Pending delivery, RenderedFile file) throws MessagingException, MailException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(smtp.from());
        helper.setTo(delivery.recipients().toArray(String[]::new));
        String range = DAY.format(file.from()) + " – " + DAY.format(file.to());
        helper.setSubject(delivery.title() + " · " + range);
        helper.setText("""
                Hello,

                attached is the report "%s" for %s (%s).

                Sent by WebProMetrics. SHA-256 of the attachment: %s
                """.formatted(delivery.title(), range, file.format().toUpperCase(Locale.ROOT), file.sha256()));
        helper.getRootMimeMultipart().addBodyPart(attachment(file));
        message.setHeader("X-WPM-Delivery-Id", delivery.deliveryId().toString());
        sender.send(message);
    }

    /**
     * Always base64: left to itself JavaMail picks 7bit or quoted-printable for text-like content and turns LF into
     * CRLF, so a CSV (or a PDF that looks like text) would arrive with other bytes than the ones kept and hashed.
     */
    private static MimeBodyPart attachment(RenderedFile file) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(file.content(), file.contentType())));
        part.setDisposition(Part.ATTACHMENT);
        part.setFileName(file.fileName());
        part.setHeader("Content-Transfer-Encoding", "base64");
        return part;
    }

    private static JavaMailSenderImpl sender(ReportProperties.Smtp smtp) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(smtp.host().trim());
        sender.setPort(smtp.port());
        sender.setDefaultEncoding("UTF-8");
        Properties props = sender.getJavaMailProperties();
        String timeout = String.valueOf(smtp.timeout().toMillis());
        props.put("mail.smtp.connectiontimeout", timeout);
        props.put("mail.smtp.timeout", timeout);
        props.put("mail.smtp.writetimeout", timeout);
        if (smtp.username() != null && !smtp.username().isBlank()) {
            sender.setUsername(smtp.username());
            sender.setPassword(smtp.password());
            props.put("mail.smtp.auth", "true");
        }
        if (smtp.starttls()) {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
        }
        return sender;
    }
}
