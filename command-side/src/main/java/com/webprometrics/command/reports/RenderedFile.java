package com.webprometrics.command.reports;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * A report file exactly as the query side rendered it, with the range it covers and the global event
 * position its read models had reached.
 */
public record RenderedFile(String fileName, String contentType, String format, byte[] content, LocalDate from,
                           LocalDate to, long dataPosition) {

    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
