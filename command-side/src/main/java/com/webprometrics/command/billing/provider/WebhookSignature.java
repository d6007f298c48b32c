package com.webprometrics.command.billing.provider;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The payment provider's webhook signature: {@code Stripe-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>…]}, each
 * {@code v1} an HMAC-SHA256 of {@code "<t>.<raw body>"} keyed with an endpoint secret. Any {@code v1} matching any of
 * our secrets passes (while a secret is rolled the provider signs with the old and the new); other schemes
 * ({@code v0}) are ignored, so a downgrade is impossible; the timestamp must lie within the tolerance of now, either
 * way, against replays. Compared in constant time, over the bytes as received: a re-serialized body would not match.
 */
public final class WebhookSignature {

    public enum Failure { MISSING, MALFORMED, NO_V1_SIGNATURE, OUTSIDE_TOLERANCE, NO_MATCH }

    private WebhookSignature() {
    }

    /** @return why the delivery is refused, or empty when it is genuine */
    public static Optional<Failure> check(String header, byte[] body, List<String> secrets, Duration tolerance,
                                          Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.of(Failure.MISSING);
        }
        Long timestamp = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String element : header.split(",")) {
            int eq = element.indexOf('=');
            if (eq <= 0) {
                return Optional.of(Failure.MALFORMED);
            }
            String scheme = element.substring(0, eq).trim();
            String value = element.substring(eq + 1).trim();
            if (scheme.equals("t")) {
                try {
                    timestamp = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    return Optional.of(Failure.MALFORMED);
                }
            } else if (scheme.equals("v1")) {
                if (value.length() != 64) continue; // not a SHA-256 MAC: can match nothing
                try {
                    signatures.add(HexFormat.of().parseHex(value));
                } catch (IllegalArgumentException e) {
                    // not hex: can match nothing
                }
            }
        }
        if (timestamp == null) {
            return Optional.of(Failure.MALFORMED);
        }
        if (signatures.isEmpty()) {
            return Optional.of(Failure.NO_V1_SIGNATURE);
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
            return Optional.of(Failure.OUTSIDE_TOLERANCE);
        }
        boolean matched = false;
        for (String secret : secrets) {
            byte[] expected = mac(secret, timestamp, body);
            for (byte[] signature : signatures) {
                matched |= MessageDigest.isEqual(expected, signature); // no early exit: the same work for any input
            }
        }
        return matched ? Optional.empty() : Optional.of(Failure.NO_MATCH);
    }

    /** The {@code Stripe-Signature} header the provider would send (the stand-in and tests sign with it). */
    public static String header(String secret, long timestamp, byte[] body) {
        return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(mac(secret, timestamp, body));
    }

    private static byte[] mac(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
