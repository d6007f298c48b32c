package com.webprometrics.command.integrations.credentials;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.UUID;

/**
 * Encryption at rest for credentials: Tink AEAD (AES256-GCM) under the {@link MasterKey}, with associated
 * data naming what the ciphertext belongs to (the integration id), so a ciphertext copied onto another
 * integration's row does not decrypt. Old keys of a rotated keyset still decrypt; new ciphertext always uses
 * the primary key.
 */
@Component
public class TokenVault {
    /** Tink's prefix of a ciphertext: a version byte, then the 4-byte id of the key that sealed it. */
    private static final int TINK_PREFIX = 5;

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink AEAD cannot be registered", e);
        }
    }

    private final Aead aead;
    private final int primaryKeyId;

    @Autowired
    TokenVault(@Value("${wpm.credentials.master-key:}") String masterKey,
               @Value("${wpm.credentials.data-dir:.wpm}") String dataDir) {
        this(MasterKey.load(masterKey, Path.of(dataDir)));
    }

    public TokenVault(KeysetHandle keyset) {
        try {
            this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
            this.primaryKeyId = keyset.getPrimary().getId();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The master key is not an AEAD keyset", e);
        }
    }

    /** Seals an integration's grant. */
    public byte[] seal(UUID integrationId, byte[] plaintext) {
        return seal(plaintext, integrationId.toString());
    }

    public byte[] open(UUID integrationId, byte[] ciphertext) {
        return open(ciphertext, integrationId.toString());
    }

    public byte[] seal(byte[] plaintext, String associatedData) {
        try {
            return aead.encrypt(plaintext, associatedData.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    /** @throws IllegalStateException when the ciphertext was not sealed for this associated data with a known key */
    public byte[] open(byte[] ciphertext, String associatedData) {
        try {
            return aead.decrypt(ciphertext, associatedData.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The credentials cannot be decrypted with the master key");
        }
    }

    /** Whether a ciphertext was sealed by an older key of the keyset (so it should be sealed again). */
    public boolean sealedWithOlderKey(byte[] ciphertext) {
        return ciphertext.length < TINK_PREFIX || ByteBuffer.wrap(ciphertext, 1, 4).getInt() != primaryKeyId;
    }
}
