package com.webprometrics.auditlog;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * An Ed25519 checkpoint key from the JDK: signs checkpoint bodies (when it holds the private key), verifies them,
 * and converts to and from the published JWK, whose {@code kid} is the RFC 7638 thumbprint.
 */
public final class CheckpointKey {
    private static final byte[] X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
    private static final byte[] PROBE = "webprometrics checkpoint key probe".getBytes(StandardCharsets.UTF_8);

    private final PublicKey publicKey;
    private final byte[] x;
    private final PrivateKey privateKey;
    private final String keyId;

    private CheckpointKey(PublicKey publicKey, PrivateKey privateKey) {
        this.publicKey = publicKey;
        byte[] encoded = publicKey.getEncoded();
        this.x = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
        this.privateKey = privateKey;
        this.keyId = thumbprint(x);
    }

    public static CheckpointKey generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new CheckpointKey(pair.getPublic(), pair.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no Ed25519", e);
        }
    }

    /** A verifying key from its raw 32-byte public key (the JWK's {@code x}). */
    public static CheckpointKey fromPublicKey(byte[] x) {
        if (x == null || x.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key is 32 bytes");
        }
        byte[] spki = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + 32);
        System.arraycopy(x, 0, spki, X509_PREFIX.length, 32);
        try {
            return new CheckpointKey(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki)),
                    null);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /** A signing key from its PKCS#8 encoding ({@link #privateKeyPkcs8()}); the public key is derived from it. */
    public static CheckpointKey fromPkcs8(byte[] pkcs8) {
        try {
            PrivateKey privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            byte[] seed = ((EdECPrivateKey) privateKey).getBytes()
                    .orElseThrow(() -> new IllegalArgumentException("the PKCS#8 key has no private bytes"));
            // The JDK has no public call from an Ed25519 private key to its public key, but its generator makes a
            // pair from 32 random bytes: given the seed as its randomness it makes this key's pair.
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed));
            CheckpointKey key = new CheckpointKey(generator.generateKeyPair().getPublic(), privateKey);
            if (!key.verify(PROBE, key.sign(PROBE))) {
                throw new IllegalArgumentException("could not derive the public key of this Ed25519 private key");
            }
            return key;
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("not a PKCS#8 Ed25519 private key", e);
        }
    }

    /** A verifying key from a JWK as published; a {@code kid} in it must be the key's thumbprint. */
    public static CheckpointKey fromJwk(String json) {
        return fromJwk(Json.parse(json, "the JWK"));
    }

    /** The keys of a JWK, or of a JWK Set ({@code {"keys":[…]}}). */
    public static List<CheckpointKey> fromJwkOrSet(String json) {
        JsonNode node = Json.parse(json, "the key file");
        if (!node.has("keys")) {
            return List.of(fromJwk(node));
        }
        JsonNode keys = node.get("keys");
        if (!keys.isArray() || keys.isEmpty()) {
            throw new ExportFormatException("the key set's \"keys\" is not a non-empty array");
        }
        List<CheckpointKey> result = new ArrayList<>();
        for (JsonNode key : keys) {
            result.add(fromJwk(key));
        }
        return result;
    }

    static CheckpointKey fromJwk(JsonNode jwk) {
        if (!jwk.isObject()) {
            throw new ExportFormatException("a JWK is a JSON object");
        }
        if (!"OKP".equals(Json.optionalText(jwk, "kty", "the JWK"))
                || !"Ed25519".equals(Json.optionalText(jwk, "crv", "the JWK"))) {
            throw new ExportFormatException("the JWK is not an Ed25519 key (kty OKP, crv Ed25519)");
        }
        byte[] x;
        try {
            x = Base64.getUrlDecoder().decode(Json.text(jwk, "x", "the JWK"));
        } catch (IllegalArgumentException e) {
            throw new ExportFormatException("the JWK's x is not base64url");
        }
        if (x.length != 32) {
            throw new ExportFormatException("the JWK's x is not 32 bytes");
        }
        CheckpointKey key = fromPublicKey(x);
        String kid = Json.optionalText(jwk, "kid", "the JWK");
        if (kid != null && !kid.equals(key.keyId())) {
            throw new ExportFormatException("the JWK's kid " + kid + " is not its thumbprint " + key.keyId());
        }
        return key;
    }

    /** The RFC 7638 thumbprint: base64url (no padding) of SHA-256 of {@code {"crv":"Ed25519","kty":"OKP","x":…}}. */
    public String keyId() {
        return keyId;
    }

    /** The raw 32-byte public key. */
    public byte[] publicKeyBytes() {
        return x.clone();
    }

    public boolean canSign() {
        return privateKey != null;
    }

    /** The private key's PKCS#8 encoding, for storing it. */
    public byte[] privateKeyPkcs8() {
        return requirePrivate().getEncoded();
    }

    /** The same key without its private half. */
    public CheckpointKey publicOnly() {
        return privateKey == null ? this : new CheckpointKey(publicKey, null);
    }

    /** {@code {"kty":"OKP","crv":"Ed25519","x","kid","use":"sig","alg":"EdDSA"}}. */
    public Map<String, String> toJwk() {
        Map<String, String> jwk = new LinkedHashMap<>();
        jwk.put("kty", "OKP");
        jwk.put("crv", "Ed25519");
        jwk.put("x", base64Url(x));
        jwk.put("kid", keyId);
        jwk.put("use", "sig");
        jwk.put("alg", "EdDSA");
        return jwk;
    }

    public String toJwkJson() {
        return Json.MAPPER.writeValueAsString(toJwk());
    }

    public byte[] sign(byte[] message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(requirePrivate());
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    public SignedCheckpoint sign(Checkpoint checkpoint) {
        return new SignedCheckpoint(checkpoint, keyId, sign(checkpoint.body()));
    }

    public boolean verify(byte[] message, byte[] signature) {
        if (signature == null || signature.length != 64) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private PrivateKey requirePrivate() {
        if (privateKey == null) {
            throw new IllegalStateException("key " + keyId + " holds no private key");
        }
        return privateKey;
    }

    private static String thumbprint(byte[] x) {
        String members = "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + base64Url(x) + "\"}";
        return base64Url(Hashes.sha256(members.getBytes(StandardCharsets.UTF_8)));
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CheckpointKey key && key.keyId.equals(keyId);
    }

    @Override
    public int hashCode() {
        return keyId.hashCode();
    }

    @Override
    public String toString() {
        return "CheckpointKey[" + keyId + (privateKey != null ? ", can sign" : "") + "]";
    }

    /** Randomness that is one fixed seed. */
    private static final class SeedRandom extends SecureRandom {
        private final byte[] seed;

        SeedRandom(byte[] seed) {
            this.seed = seed;
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("the Ed25519 generator asked for " + bytes.length + " bytes");
            }
            System.arraycopy(seed, 0, bytes, 0, bytes.length);
        }
    }
}
