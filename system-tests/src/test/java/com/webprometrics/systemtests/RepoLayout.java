package com.webprometrics.systemtests;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where things are: the repository root is found from the working directory (Surefire runs in system-tests/). */
public final class RepoLayout {

    private RepoLayout() {
    }

    /** The checkout root: {@code -Dwpm.repo.root}, else the nearest ancestor holding both {@code wpm} and {@code pom.xml}. */
    public static Path root() {
        String explicit = System.getProperty("wpm.repo.root");
        if (explicit != null) return Path.of(explicit).toAbsolutePath().normalize();
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("wpm")) && Files.isRegularFile(d.resolve("pom.xml"))
                    && Files.isDirectory(d.resolve("system-tests"))) {
                return d;
            }
        }
        throw new IllegalStateException("Cannot find the repository root (a folder with wpm, pom.xml and system-tests/)"
                + " above " + dir + "; set -Dwpm.repo.root");
    }

    public static Path systemTestsDir() {
        return root().resolve("system-tests");
    }

    public static Path spaDir() {
        return root().resolve("frontend").resolve("dist");
    }

    public static Path frontendDir() {
        return root().resolve("frontend");
    }
}
