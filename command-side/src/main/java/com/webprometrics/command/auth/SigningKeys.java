package com.webprometrics.command.auth;

import com.webprometrics.command.integrations.credentials.TokenVault;
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
 * restart signs with the same key. Its private half is stored sealed with the master key ({@link TokenVault}), so
 * whoever reads the database without the master key cannot mint tokens. An advisory lock makes concurrent first
 * starts agree on one key.
 */
@Component
public class SigningKeys {
    /** How long a replaced key stays in the JWKS: far beyond the longest access token (15 minutes). */
    static final java.time.Duration PUBLISHED_AFTER_ROTATION = java.time.Duration.ofDays(1);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final TokenVault vault;
    private final boolean fromEnvironment;
    private volatile RSAKey key;

    SigningKeys(AuthProperties properties, JdbcTemplate jdbc, TransactionTemplate tx, TokenVault vault) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.vault = vault;
        this.fromEnvironment = properties.privateKeyPem() != null && !properties.privateKeyPem().isBlank();
        this.key = fromEnvironment ? fromPem(properties.privateKeyPem()) : tx.execute(status -> loadOrCreate(jdbc, vault));
    }

    /**
     * A new key signs from now on; the replaced one stays published for {@link #PUBLISHED_AFTER_ROTATION}, so tokens
     * it signed (here or on instances that have not restarted yet) keep validating until they expire.
     */
    public String rotate() {
        if (fromEnvironment) {
            throw new IllegalStateException("The signing key comes from WPM_JWT_PRIVATE_KEY: rotate it there");
        }
        key = tx.execute(status -> {
            jdbc.queryForObject("SELECT pg_advisory_xact_lock(hashtext('wpm.signing-key'))::text", String.class);
            return create(jdbc, vault);
        });
        return key.getKeyID();
    }

    /**
     * The public keys a token may be signed with: the current one and those replaced within a day (read again at most
     * once a minute, and at once after a rotation here).
     */
    public List<RSAKey> published() {
        Published cached = published;
        if (cached != null && cached.currentKid().equals(key.getKeyID())
                && cached.readAt() > System.nanoTime() - java.util.concurrent.TimeUnit.MINUTES.toNanos(1)) {
            return cached.keys();
        }
        RSAKey current = key;
        List<RSAKey> keys = new java.util.ArrayList<>(List.of(current.toPublicJWK()));
        if (!fromEnvironment) {
            jdbc.query("SELECT kid, public_key FROM command.signing_keys WHERE created_at > now() - make_interval(secs => ?)",
                    (rs, n) -> publicJwk(rs.getString(1), rs.getBytes(2)), PUBLISHED_AFTER_ROTATION.toSeconds())
                    .stream().filter(k -> !k.getKeyID().equals(current.getKeyID())).forEach(keys::add);
        }
        published = new Published(current.getKeyID(), List.copyOf(keys), System.nanoTime());
        return published.keys();
    }

    private record Published(String currentKid, List<RSAKey> keys, long readAt) {
    }

    private volatile Published published;

    /** What the private key is sealed for: a sealed key of one row cannot be passed off as another's. */
    static String associatedData(String kid) {
        return "signing-key:" + kid;
    }

    public RSAKey current() {
        return key;
    }


    private static RSAKey loadOrCreate(JdbcTemplate jdbc, TokenVault vault) {
        jdbc.queryForObject("SELECT pg_advisory_xact_lock(hashtext('wpm.signing-key'))::text", String.class);
        sealWhatIsStoredInClear(jdbc, vault);
        List<RSAKey> existing;
        try {
            existing = jdbc.query(
                    "SELECT kid, private_key, public_key FROM command.signing_keys ORDER BY created_at DESC LIMIT 1",
                    (rs, n) -> toJwk(rs.getString(1), vault.open(rs.getBytes(2), associatedData(rs.getString(1))),
                            rs.getBytes(3)));
        } catch (IllegalStateException sealedElsewhere) {
            // typically a second checkout's ./wpm up on a database another checkout created (each has its own key)
            throw new IllegalStateException("The token signing key in command.signing_keys was sealed with another "
                    + "master key than this install's (WPM_MASTER_KEY or <data dir>/master-key.json): start with the "
                    + "master key of the install that created this database, or give this install a database of its "
                    + "own (WPM_DATABASE_NAME or WPM_DATABASE_URL)", sealedElsewhere);
        }
        return existing.isEmpty() ? create(jdbc, vault) : existing.get(0);
    }

    /** Rows written before keys were sealed (V14). */
    private static void sealWhatIsStoredInClear(JdbcTemplate jdbc, TokenVault vault) {
        jdbc.query("SELECT kid, private_key FROM command.signing_keys WHERE NOT sealed", (rs, n) ->
                new Object[] {rs.getString(1), vault.seal(rs.getBytes(2), associatedData(rs.getString(1)))})
                .forEach(row -> jdbc.update("UPDATE command.signing_keys SET private_key = ?, sealed = TRUE WHERE kid = ?",
                        row[1], row[0]));
    }

    private static RSAKey create(JdbcTemplate jdbc, TokenVault vault) {
        KeyPair pair = generate();
        RSAKey created;
        try {
            created = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey(pair.getPrivate())
                    .keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint().build();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        jdbc.update("INSERT INTO command.signing_keys (kid, private_key, public_key, sealed) VALUES (?, ?, ?, TRUE)",
                created.getKeyID(), vault.seal(pair.getPrivate().getEncoded(), associatedData(created.getKeyID())),
                pair.getPublic().getEncoded());
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

    private static RSAKey publicJwk(String kid, byte[] publicDer) {
        try {
            RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(publicDer));
            return new RSAKey.Builder(publicKey).keyUse(KeyUse.SIGNATURE).keyID(kid).build();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("Stored signing key is unreadable", e);
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
