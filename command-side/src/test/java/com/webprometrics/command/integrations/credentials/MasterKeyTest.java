package com.webprometrics.command.integrations.credentials;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MasterKeyTest {
    private static final UUID INTEGRATION = UUID.randomUUID();
    private static final byte[] GRANT = "{\"accessToken\":\"ya29.secret\"}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dataDir;

    @Test
    void theFirstStartGeneratesAPrivateKeyFileThatLaterStartsReuse() throws Exception {
        TokenVault first = new TokenVault(MasterKey.load("", dataDir));
        Path file = dataDir.resolve("master-key.json");

        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.list(dataDir)).as("no temporary file left behind").containsExactly(file);
        byte[] sealed = first.seal(INTEGRATION, GRANT);
        TokenVault afterRestart = new TokenVault(MasterKey.load(null, dataDir));
        assertThat(afterRestart.open(INTEGRATION, sealed)).isEqualTo(GRANT);
    }

    @Test
    void concurrentFirstStartsAgreeOnOneKey() throws Exception {
        for (int round = 0; round < 20; round++) {
            Path dir = dataDir.resolve("round-" + round);
            int instances = 4;
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(instances);
            try {
                List<Future<TokenVault>> vaults = new ArrayList<>();
                for (int i = 0; i < instances; i++) {
                    vaults.add(pool.submit(() -> {
                        go.await();
                        return new TokenVault(MasterKey.load("", dir));
                    }));
                }
                go.countDown();
                byte[] sealed = vaults.get(0).get().seal(INTEGRATION, GRANT);
                for (Future<TokenVault> vault : vaults) {
                    assertThat(vault.get().open(INTEGRATION, sealed)).isEqualTo(GRANT);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aKeyFromTheEnvironmentIsUsedAndNothingIsWritten() throws Exception {
        String configured = MasterKey.generate();
        byte[] sealed = new TokenVault(MasterKey.load(configured, dataDir)).seal(INTEGRATION, GRANT);

        assertThat(new TokenVault(MasterKey.parse(configured)).open(INTEGRATION, sealed)).isEqualTo(GRANT);
        assertThat(Files.list(dataDir)).isEmpty();
        assertThatThrownBy(() -> new TokenVault(MasterKey.load(MasterKey.generate(), dataDir)).open(INTEGRATION, sealed))
                .as("another key cannot read it").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> MasterKey.load("{not a keyset}", dataDir)).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("not a keyset");
    }

    @Test
    void aCiphertextOpensOnlyForTheIntegrationItWasSealedFor() {
        TokenVault vault = new TokenVault(MasterKey.load("", dataDir));
        byte[] sealed = vault.seal(INTEGRATION, GRANT);

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("ya29.secret");
        assertThatThrownBy(() -> vault.open(UUID.randomUUID(), sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void afterARotationOldCiphertextStillOpensAndIsRecognisedAsOld() throws Exception {
        KeysetHandle old = MasterKey.parse(MasterKey.generate());
        KeysetHandle rotated = KeysetHandle.newBuilder(old)
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM).withRandomId().makePrimary())
                .build();
        byte[] sealedBefore = new TokenVault(old).seal(INTEGRATION, GRANT);
        TokenVault vault = new TokenVault(rotated);

        assertThat(vault.open(INTEGRATION, sealedBefore)).isEqualTo(GRANT);
        assertThat(vault.sealedWithOlderKey(sealedBefore)).isTrue();
        assertThat(vault.sealedWithOlderKey(vault.seal(INTEGRATION, GRANT))).isFalse();
        assertThat(Set.of(old.getPrimary().getId())).doesNotContain(rotated.getPrimary().getId());
    }
}
