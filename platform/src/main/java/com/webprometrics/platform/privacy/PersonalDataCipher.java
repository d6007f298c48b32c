package com.webprometrics.platform.privacy;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * One personal value as stored: {@code wpm:pd:v1:<subject>:<base64url(iv ‖ AES-256-GCM(value))>}, the subject as
 * associated data. The value names its subject, so a reader needs no catalogue to find or decrypt it, and an
 * erased one reads as {@link #ERASED}.
 */
public final class PersonalDataCipher {
    public static final String PREFIX = "wpm:pd:v1:";
    public static final String ERASED = "[erased]";
    static final byte[] PREFIX_BYTES = PREFIX.getBytes(StandardCharsets.US_ASCII);
    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();
    // Cipher.getInstance looks the algorithm up in every provider: a seventh of a processor's time per event
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    });

    private PersonalDataCipher() {
    }

    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    public static String seal(String subject, byte[] key, String value) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
            cipher.updateAAD(subject.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return PREFIX + subject + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The subject a sealed value was sealed for. */
    public static String subjectOf(String sealed) {
        return sealed.substring(PREFIX.length(), sealed.lastIndexOf(':'));
    }

    /** The value, or empty when {@code key} is empty (the subject was erased) or does not open it. */
    public static Optional<String> open(String sealed, Optional<byte[]> key) {
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            String subject = subjectOf(sealed);
            byte[] in = Base64.getUrlDecoder().decode(sealed.substring(sealed.lastIndexOf(':') + 1));
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key.get(), "AES"), new GCMParameterSpec(128, in, 0, IV_BYTES));
            cipher.updateAAD(subject.getBytes(StandardCharsets.UTF_8));
            return Optional.of(new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException | StringIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /** Whether stored JSON bytes hold any sealed value (a quick scan before parsing). */
    static boolean mayHoldSealed(byte[] json) {
        outer:
        for (int i = 0; i <= json.length - PREFIX_BYTES.length; i++) {
            for (int j = 0; j < PREFIX_BYTES.length; j++) {
                if (json[i + j] != PREFIX_BYTES[j]) continue outer;
            }
            return true;
        }
        return false;
    }
}
