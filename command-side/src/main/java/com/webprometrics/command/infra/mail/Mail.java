package com.webprometrics.command.infra.mail;

import com.webprometrics.command.reports.ReportProperties;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The one way out by e-mail (report deliveries, password-reset links), through the SMTP server of {@code WPM_SMTP_*}.
 * Built here rather than by Boot's mail auto-configuration so that no SMTP host means no sender (senders then fail
 * visibly) and the mail server's health never decides the service's health.
 */
@Component
public class Mail {
    private static final Logger log = LoggerFactory.getLogger(Mail.class);
    private final ReportProperties.Smtp smtp;
    private final JavaMailSenderImpl sender;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "mail");
        thread.setDaemon(true);
        return thread;
    });

    Mail(ReportProperties properties) {
        this.smtp = properties.smtp();
        this.sender = smtp.configured() ? sender(smtp) : null;
    }

    public boolean configured() {
        return sender != null;
    }

    public String from() {
        return smtp.from();
    }

    public MimeMessage newMessage() {
        return sender.createMimeMessage();
    }

    public void send(MimeMessage message) {
        sender.send(message);
    }

    /**
     * A file to attach, always base64: left to itself JavaMail picks 7bit or quoted-printable for text-like content
     * and turns LF into CRLF, so a CSV, an NDJSON file (or a PDF that looks like text) would arrive with other bytes
     * than the ones kept and hashed.
     */
    public static MimeBodyPart attachment(byte[] content, String contentType, String fileName)
            throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, contentType)));
        part.setDisposition(Part.ATTACHMENT);
        part.setFileName(fileName);
        part.setHeader("Content-Transfer-Encoding", "base64");
        return part;
    }

    /**
     * Sends a plain-text e-mail on a background thread, logging (never throwing) when it cannot: for notices whose
     * loss must not undo what they tell about.
     */
    public void sendLater(String to, String subject, String text) {
        background.execute(() -> {
            if (!configured()) {
                log.warn("no SMTP server (WPM_SMTP_HOST): the e-mail \"{}\" cannot be sent", subject);
                return;
            }
            try {
                MimeMessage message = newMessage();
                MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
                helper.setFrom(from());
                helper.setTo(to);
                helper.setSubject(subject);
                helper.setText(text);
                send(message);
            } catch (MessagingException | RuntimeException e) {
                log.warn("could not send the e-mail \"{}\": {}", subject, e.toString());
            }
        });
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
