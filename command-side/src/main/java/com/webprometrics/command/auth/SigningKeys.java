package com.webprometrics.command.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * The RS256 key that signs access tokens: from {@code WPM_JWT_PRIVATE_KEY} (PKCS#8 PEM) when given,
 * else generated at first start and kept in {@code command.signing_keys}, so every instance and every
 * restart signs with the same key. An advisory lock makes concurrent first starts agree on one key.
 */
@Component
public class SigningKeys {
    private final RSAKey key;

    SigningKeys(AuthProperties properties, JdbcTemplate jdbc, TransactionTemplate tx) {
        this.key = properties.privateKeyPem() != null && !properties.privateKeyPem().isBlank()
                ? fromPem(properties.privateKeyPem())
                : tx.execute(status -> loadOrCreate(jdbc));
    }

    public RSAKey current() {
        return key;
    }

    public RSAPublicKey publicKey() {
        try {
            return key.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey loadOrCreate(JdbcTemplate jdbc) {
        jdbc.queryForObject("SELECT pg_advisory_xact_lock(hashtext('wpm.signing-key'))::text", String.class);
        List<RSAKey> existing = jdbc.query(
                "SELECT kid, private_key, public_key FROM command.signing_keys ORDER BY created_at DESC LIMIT 1",
                (rs, n) -> toJwk(rs.getString(1), rs.getBytes(2), rs.getBytes(3)));
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        KeyPair pair = generate();
        RSAKey created;
        try {
            created = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey(pair.getPrivate())
                    .keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint().build();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        jdbc.update("INSERT INTO command.signing_keys (kid, private_key, public_key) VALUES (?, ?, ?)",
                created.getKeyID(), pair.getPrivate().getEncoded(), pair.getPublic().getEncoded());
        return created;
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey toJwk(String kid, byte[] privateDer, byte[] publicDer) {
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            RSAPublicKey publicKey = (RSAPublicKey) factory.generatePublic(new X509EncodedKeySpec(publicDer));
            return new RSAKey.Builder(publicKey).privateKey(factory.generatePrivate(new PKCS8EncodedKeySpec(privateDer)))
                    .keyUse(KeyUse.SIGNATURE).keyID(kid).build();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("Stored signing key is unreadable", e);
        }
    }

    private static RSAKey fromPem(String pem) {
        try {
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            KeyFactory factory = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) factory.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            RSAPublicKey publicKey = (RSAPublicKey) factory.generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new RSAKey.Builder(publicKey).privateKey(privateKey).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint().build();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException | JOSEException | IllegalArgumentException e) {
            throw new IllegalStateException("WPM_JWT_PRIVATE_KEY is not an RSA PKCS#8 PEM private key", e);
        }
    }
}
