package com.webprometrics.command.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** A real SMTP server (GreenMail) on a free loopback port, and the properties that point the command side at it. */
public final class LocalSmtp {
    private LocalSmtp() {
    }

    /** Started; the caller stops it after its tests. */
    public static GreenMail start() {
        GreenMail mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    public static void register(DynamicPropertyRegistry registry, GreenMail mail) {
        registry.add("wpm.reports.smtp.host", () -> "127.0.0.1");
        registry.add("wpm.reports.smtp.port", () -> mail.getSmtp().getPort());
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
