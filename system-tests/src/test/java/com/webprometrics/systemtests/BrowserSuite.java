package com.webprometrics.systemtests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs the SPA's own browser tests ({@code frontend/e2e}, node:test + playwright-core, Debian's chromium) with
 * {@code npm run e2e}; the environment says which stacks they drive ({@code WPM_BASE_URL}, {@code WPM_STANDINS_BASE_URL}).
 */
final class BrowserSuite {
    private static final long TIMEOUT_MINUTES = Long.getLong("wpm.e2e.timeoutMinutes", 8);

    private BrowserSuite() {
    }

    /** Runs the suite and fails with its last output and the gateway's log tail when it does not pass. */
    static void run(Map<String, String> env, Stack stack) throws InterruptedException {
        assertThat(Files.isDirectory(RepoLayout.frontendDir().resolve("e2e")))
                .as("frontend/e2e exists (the browser tests)").isTrue();
        ProcessBuilder pb = new ProcessBuilder("npm", "run", "e2e")
                .directory(RepoLayout.frontendDir().toFile())
                .redirectErrorStream(true);
        // only the stacks named here: a WPM_BASE_URL from the developer's shell must not add scenarios
        pb.environment().remove("WPM_BASE_URL");
        pb.environment().remove("WPM_STANDINS_BASE_URL");
        pb.environment().putAll(env);
        pb.environment().put("CI", "true");
        Process npm;
        try {
            npm = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run npm (is Node.js with npm on PATH?): " + e.getMessage(), e);
        }
        Deque<String> lastLines = new ArrayDeque<>();
        Thread pump = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(npm.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    System.out.println("[e2e] " + line);
                    synchronized (lastLines) {
                        lastLines.addLast(line);
                        if (lastLines.size() > 200) lastLines.removeFirst();
                    }
                }
            } catch (IOException ignored) {
                // process ended
            }
        }, "e2e-output");
        pump.setDaemon(true);
        pump.start();

        if (!npm.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            npm.descendants().forEach(ProcessHandle::destroyForcibly);
            npm.destroyForcibly();
            pump.join(5000);
            fail("npm run e2e did not finish within " + TIMEOUT_MINUTES + " min; last output:\n" + joined(lastLines));
        }
        pump.join(10_000);
        if (npm.exitValue() != 0) {
            fail("npm run e2e exited with " + npm.exitValue() + " against " + stack.baseUrl() + "; last output:\n"
                    + joined(lastLines) + "\n----- gateway log tail -----\n" + stack.logTail(Stack.GATEWAY, 30));
        }
    }

    private static String joined(Deque<String> lines) {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }
}
