package com.webprometrics.command.operators;

import com.webprometrics.command.infra.files.PrivateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Who counts as an operator on the machine: whoever can read {@code operator-token} in the data directory (mode 600,
 * generated at the first start). {@code ./wpm ops} sends it; the command side listens on 127.0.0.1 only, so the token
 * and the loopback address together mean "someone with the service's files on this machine". No setting, sign-up or
 * invitation reaches this.
 */
@Component
public class OperatorAccess {
    static final String FILE_NAME = "operator-token";
    private static final Logger log = LoggerFactory.getLogger(OperatorAccess.class);

    private final byte[] token;

    OperatorAccess(@Value("${wpm.credentials.data-dir:.wpm}") String dataDir) {
        Path file = Path.of(dataDir).resolve(FILE_NAME);
        try {
            if (PrivateFiles.createOnce(file, OperatorAccess::generate)) {
                log.info("Generated the operator token in {} (./wpm ops reads it)", file.toAbsolutePath());
            }
            this.token = Files.readString(file, StandardCharsets.UTF_8).trim().getBytes(StandardCharsets.UTF_8);
            String retired = System.getenv("WPM_OPS_EMAILS");
            if (retired != null && !retired.isBlank()) {
                log.warn("WPM_OPS_EMAILS is no longer read (an unverified e-mail could claim OPS): grant the role with "
                        + "./wpm ops grant EMAIL; ./wpm ops list shows who holds it");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the operator token " + file, e);
        }
    }

    boolean permits(String presented) {
        return presented != null
                && MessageDigest.isEqual(token, presented.trim().getBytes(StandardCharsets.UTF_8));
    }

    private static String generate() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "\n";
    }
}
