package com.webprometrics.auditlog;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The RFC 9162 tree hashes over SHA-256: leaves {@code H(0x00 || data)}, nodes {@code H(0x01 || l || r)}. */
public final class Hashes {
    public static final int SIZE = 32;

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Hashes::newDigest);
    private static final byte[] EMPTY_ROOT = sha256(new byte[0]);

    private Hashes() {
    }

    public static byte[] leafHash(byte[] leafData) {
        return leafHash(leafData, 0, leafData.length);
    }

    static byte[] leafHash(byte[] leafData, int offset, int length) {
        MessageDigest digest = SHA256.get();
        digest.update((byte) 0x00);
        digest.update(leafData, offset, length);
        return digest.digest();
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest digest = SHA256.get();
        digest.update((byte) 0x01);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    /** {@code MTH({})}: the hash of the empty string. */
    public static byte[] emptyRoot() {
        return EMPTY_ROOT.clone();
    }

    public static byte[] sha256(byte[] data) {
        MessageDigest digest = SHA256.get();
        return digest.digest(data);
    }

    /** Constant-time equality of two hashes; false when either is null. */
    public static boolean equal(byte[] a, byte[] b) {
        return a != null && b != null && MessageDigest.isEqual(a, b);
    }

    static byte[] requireHash(byte[] hash, String what) {
        if (hash == null || hash.length != SIZE) {
            throw new IllegalArgumentException(what + " must be a " + SIZE + "-byte hash");
        }
        return hash;
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
