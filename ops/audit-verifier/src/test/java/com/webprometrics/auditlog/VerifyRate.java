package com.webprometrics.auditlog;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Measures how fast a complete export verifies; a program, not a test (no timing belongs in the unit tests).
 * {@code java -cp … com.webprometrics.auditlog.VerifyRate [events] [file]} writes an export of one agency with
 * {@code events} events (default 1,000,000) to {@code file} (default a temp file), then verifies it three times.
 * An existing {@code file} is verified as it is, with the key it carries.
 */
public final class VerifyRate {
    private VerifyRate() {
    }

    public static void main(String[] args) throws IOException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path file = args.length > 1 ? Path.of(args[1]) : Files.createTempFile("audit-export", ".ndjson");
        List<CheckpointKey> pinned = List.of();
        if (!Files.exists(file) || Files.size(file) == 0) {
            CheckpointKey key = CheckpointKey.generate();
            long started = System.nanoTime();
            write(file, count, key);
            System.out.printf("wrote %,d events (%,d MB) in %.1f s to %s%n", count, Files.size(file) >> 20,
                    (System.nanoTime() - started) / 1e9, file);
            pinned = List.of(key);
        }
        for (int run = 1; run <= 3; run++) {
            long start = System.nanoTime();
            Verdict verdict;
            try (InputStream in = Files.newInputStream(file)) {
                verdict = ExportVerifier.verify(in, pinned, List.of());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("run %d: %s — %.2f s, %,.0f events/s%n", run, verdict.summary(), seconds,
                    verdict.eventsChecked() / seconds);
        }
    }

    static void write(Path file, int count, CheckpointKey key) throws IOException {
        String agency = "agency-" + UUID.randomUUID();
        MerkleTree tree = new MerkleTree();
        for (int seq = 1; seq <= count; seq++) {
            tree.append(event(agency, seq).leafHash());
        }
        HeadLeaf headLeaf = new HeadLeaf(agency, count, tree.root());
        MerkleTree log = new MerkleTree();
        for (int other = 0; other < 40; other++) {
            log.append(Hashes.leafHash(("other head " + other).getBytes(StandardCharsets.UTF_8)));
        }
        log.append(headLeaf.leafHash());
        log.append(Hashes.leafHash("a later head".getBytes(StandardCharsets.UTF_8)));
        SignedCheckpoint checkpoint = key.sign(Checkpoint.of(log.size(), log.root(), Instant.now()));
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             ExportWriter writer = new ExportWriter(out)) {
            writer.header(ExportHeader.of(agency, 1, count, true, null, null, Instant.now().toString()));
            for (int seq = 1; seq <= count; seq++) {
                writer.event(event(agency, seq), tree.inclusionProof(seq - 1, count));
            }
            writer.head(new AgencyHead(agency, count, tree.root(), 40, log.inclusionProof(40, log.size())));
            writer.checkpoint(checkpoint, key.publicOnly());
        }
    }

    /** An event about the size of the application's (a client update with a few fields, Axon's metadata). */
    private static EventLeaf event(String agency, long seq) {
        String client = UUID.nameUUIDFromBytes(("client" + seq % 5000).getBytes(StandardCharsets.UTF_8)).toString();
        String payload = "{\"clientId\":\"" + client + "\",\"agencyId\":\"" + agency + "\",\"name\":\"Client "
                + seq % 5000 + "\",\"website\":\"https://client-" + seq % 5000 + ".example\",\"industry\":\"Retail\","
                + "\"contactEmail\":\"marketing@client-" + seq % 5000 + ".example\",\"budget\":" + (seq % 997) * 10
                + ",\"tags\":[\"seo\",\"ppc\"]}";
        String metaData = "{\"traceId\":\"" + UUID.nameUUIDFromBytes(Long.toString(seq).getBytes()) + "\","
                + "\"correlationId\":\"" + UUID.nameUUIDFromBytes(Long.toString(-seq).getBytes()) + "\","
                + "\"userId\":\"user-" + seq % 17 + "\"}";
        return new EventLeaf(seq, seq * 3 + 7, agency,
                UUID.nameUUIDFromBytes(("event" + seq).getBytes(StandardCharsets.UTF_8)).toString(), "Client", client,
                seq / 5000, "com.webprometrics.events.ClientUpdated", null,
                Instant.ofEpochSecond(1_760_000_000L + seq).toString(),
                payload.getBytes(StandardCharsets.UTF_8), metaData.getBytes(StandardCharsets.UTF_8));
    }
}
