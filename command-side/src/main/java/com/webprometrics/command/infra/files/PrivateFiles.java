package com.webprometrics.command.infra.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Secrets generated at the first start and kept in the data directory, readable by the service's user alone
 * (mode 600). Two instances starting at once on one directory agree on one value: each writes its candidate to a
 * private temporary file and hard-links it to the final name, which succeeds for exactly one of them; both then read
 * the file that won.
 */
public final class PrivateFiles {
    private PrivateFiles() {
    }

    /** @return true when this call created the file, false when it existed (or another instance won the race) */
    public static boolean createOnce(Path file, Supplier<String> content) throws IOException {
        if (Files.exists(file)) {
            return false;
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path candidate = dir.resolve(file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            createPrivateFile(candidate);
            Files.writeString(candidate, content.get(), StandardCharsets.UTF_8);
            try {
                Files.createLink(file, candidate);
                return true;
            } catch (FileAlreadyExistsException raced) {
                return false; // another instance created it first: use theirs
            } catch (UnsupportedOperationException | IOException noLinks) {
                if (Files.exists(file)) {
                    return false;
                }
                Files.move(candidate, file);
                return true;
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
