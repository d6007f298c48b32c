package com.webprometrics.command.auth;

import com.webprometrics.command.infra.mail.Mail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The password-reset e-mail, sent in the background so that answering a request takes the same time whether or not
 * the address has an account. The link carries the token in its fragment ({@code #token=}): a fragment never reaches
 * a server, so no access log or proxy sees it. The token is never logged.
 */
@Component
class PasswordResetMail {
    private static final Logger log = LoggerFactory.getLogger(PasswordResetMail.class);

    private final Mail mail;
    private final String publicUrl;
    private final ExecutorService sending = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "password-reset-mail");
        thread.setDaemon(true);
        return thread;
    });

    PasswordResetMail(Mail mail, @Value("${wpm.auth.public-url}") String publicUrl) {
        this.mail = mail;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    void sendLater(UUID userId, String email, String token, Instant expiresAt) {
        sending.execute(() -> {
            if (!mail.configured()) {
                log.warn("no SMTP server (WPM_SMTP_HOST): the password-reset link for user {} cannot be sent", userId);
                return;
            }
            try {
                mail.send(message(email, token, expiresAt));
            } catch (MessagingException | RuntimeException e) {
                log.warn("could not send the password-reset e-mail for user {}: {}", userId, e.toString());
            }
        });
    }

    private MimeMessage message(String email, String token, Instant expiresAt) throws MessagingException {
        MimeMessage message = mail.newMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(mail.from());
        helper.setTo(email);
        helper.setSubject("Reset your WebProMetrics password");
        helper.setText("""
                Hello,

                someone (hopefully you) asked to reset the password of your WebProMetrics account.
                Choose a new one here — the link works once, until %s UTC:

                %s/reset-password#token=%s

                If it was not you, ignore this e-mail: your password stays as it is.
                """.formatted(expiresAt.toString().replace('T', ' ').substring(0, 16), publicUrl, token));
        return message;
    }
}
