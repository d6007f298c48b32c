package com.webprometrics.auditlog;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar audit-verifier.jar verify FILE [--checkpoint FILE] [--key FILE]}: checks an audit export offline.
 * Exit 0 when intact, 1 when tampered or inconsistent, 2 on a usage error or a file it cannot read.
 */
public final class Main {
    static final int INTACT = 0;
    static final int TAMPERED = 1;
    static final int USAGE = 2;

    private static final String USAGE_TEXT = """
            usage: audit-verifier verify FILE [--checkpoint FILE] [--key FILE]
                   audit-verifier help

              verify FILE          check an audit export (GET /api/audit/export, NDJSON): every event against its
                                   stored bytes and the agency's tree, agencySeq without gaps, the head in the
                                   signed checkpoint, the checkpoint's signature
              --checkpoint FILE    checkpoints kept outside the database: the sink file (one line per published
                                   checkpoint) or one checkpoint line; the export must be consistent with the last
              --key FILE           the published checkpoint key (GET /api/audit/checkpoint-key: a JWK or a JWK set);
                                   without it the key the export carries is trusted

            exit status: 0 intact, 1 tampered or inconsistent, 2 usage error or unreadable file
            """;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || List.of("help", "--help", "-h").contains(args[0])) {
            (args.length == 0 ? err : out).print(USAGE_TEXT);
            return args.length == 0 ? USAGE : INTACT;
        }
        if (!args[0].equals("verify")) {
            err.println("unknown command: " + args[0]);
            err.print(USAGE_TEXT);
            return USAGE;
        }
        Path export = null;
        Path checkpointFile = null;
        Path keyFile = null;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if ((arg.equals("--checkpoint") || arg.equals("--key")) && i + 1 < args.length) {
                Path value = Path.of(args[++i]);
                if (arg.equals("--checkpoint")) {
                    checkpointFile = value;
                } else {
                    keyFile = value;
                }
            } else if (arg.startsWith("--") || export != null) {
                err.println("unexpected argument: " + arg);
                err.print(USAGE_TEXT);
                return USAGE;
            } else {
                export = Path.of(arg);
            }
        }
        if (export == null) {
            err.println("verify needs the export FILE");
            err.print(USAGE_TEXT);
            return USAGE;
        }
        List<CheckpointKey> keys = new ArrayList<>();
        List<SinkLine> anchored = List.of();
        Path reading = null;
        try {
            if (keyFile != null) {
                reading = keyFile;
                keys.addAll(CheckpointKey.fromJwkOrSet(Files.readString(keyFile, StandardCharsets.UTF_8)));
            }
            if (checkpointFile != null) {
                reading = checkpointFile;
                anchored = SinkLine.readAll(checkpointFile);
            }
        } catch (IOException e) {
            err.println("cannot read " + reading + ": " + e);
            return USAGE;
        } catch (ExportFormatException | IllegalArgumentException e) {
            err.println("cannot use " + reading + ": " + e.getMessage());
            return USAGE;
        }
        Verdict verdict;
        try (InputStream in = Files.newInputStream(export)) {
            verdict = ExportVerifier.verify(in, keys, anchored);
        } catch (IOException e) {
            err.println("cannot read " + export + ": " + e);
            return USAGE;
        }
        for (Verdict.Finding finding : verdict.findings()) {
            out.println("  " + finding.describe());
        }
        for (String note : verdict.notes()) {
            out.println("note: " + note);
        }
        out.println(verdict.summary());
        return verdict.ok() ? INTACT : TAMPERED;
    }
}
