package com.webprometrics.command.infra.mail;

import com.webprometrics.command.reports.ReportProperties;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

import java.util.Properties;

/**
 * The one way out by e-mail (report deliveries, password-reset links), through the SMTP server of {@code WPM_SMTP_*}.
 * Built here rather than by Boot's mail auto-configuration so that no SMTP host means no sender (senders then fail
 * visibly) and the mail server's health never decides the service's health.
 */
@Component
public class Mail {
    private final ReportProperties.Smtp smtp;
    private final JavaMailSenderImpl sender;

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
