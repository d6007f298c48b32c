package com.webprometrics.command.integrations.credentials;

import com.webprometrics.command.infra.files.PrivateFiles;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * Where the credential store's master keyset (a Tink AEAD keyset, AES256-GCM) comes from: the environment
 * ({@code WPM_MASTER_KEY}, a keyset in Tink's JSON format) or, when that is empty, {@code master-key.json}
 * in the data directory, generated at the first start. The key never goes into the database, so a database
 * dump alone does not reveal a token.
 * Two instances starting at once on one data directory agree on one key ({@link PrivateFiles}).
 */
public final class MasterKey {
    static final String FILE_NAME = "master-key.json";
    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);

    private MasterKey() {
    }

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink AEAD cannot be registered", e);
        }
    }

    /** @param configured the keyset from the environment, or blank to use (or create) the file in {@code dataDir} */
    public static KeysetHandle load(String configured, Path dataDir) {
        try {
            if (configured != null && !configured.isBlank()) {
                return parse(configured.trim());
            }
            Path file = dataDir.resolve(FILE_NAME);
            if (PrivateFiles.createOnce(file, MasterKey::generate)) {
                log.info("Generated the credential store's master key in {} (set WPM_MASTER_KEY to provide one)", file);
            }
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the master key in " + dataDir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The master key is not a valid Tink AEAD keyset (WPM_MASTER_KEY or "
                    + FILE_NAME + ")", e);
        }
    }

    /** A new keyset with one AES256-GCM key, in Tink's JSON format. */
    public static String generate() {
        try {
            KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            return TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate a master key", e);
        }
    }

    static KeysetHandle parse(String json) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
    }
}
