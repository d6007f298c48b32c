package com.webprometrics.command.integrations.credentials;

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
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.UUID;

/**
 * Where the credential store's master keyset (a Tink AEAD keyset, AES256-GCM) comes from: the environment
 * ({@code WPM_MASTER_KEY}, a keyset in Tink's JSON format) or, when that is empty, {@code master-key.json}
 * in the data directory, generated at the first start. The key never goes into the database, so a database
 * dump alone does not reveal a token.
 * <p>
 * Two instances starting at once on one data directory agree on one key: each writes its candidate to a
 * private temporary file and hard-links it to the final name, which succeeds for exactly one of them; both
 * then read the file that won.
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
            if (!Files.exists(file)) {
                create(dataDir, file);
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

    private static void create(Path dataDir, Path file) throws IOException {
        Files.createDirectories(dataDir);
        Path candidate = dataDir.resolve(FILE_NAME + "." + UUID.randomUUID() + ".tmp");
        try {
            createPrivateFile(candidate);
            Files.writeString(candidate, generate(), StandardCharsets.UTF_8);
            try {
                Files.createLink(file, candidate);
                log.info("Generated the credential store's master key in {} (set WPM_MASTER_KEY to provide one)", file);
            } catch (FileAlreadyExistsException raced) {
                // another instance created it first: use theirs
            } catch (UnsupportedOperationException | IOException noLinks) {
                if (!Files.exists(file)) {
                    Files.move(candidate, file);
                }
            }
        } finally {
            Files.deleteIfExists(candidate);
        }
    }

    private static void createPrivateFile(Path path) throws IOException {
        try {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(path);
        }
    }
}
