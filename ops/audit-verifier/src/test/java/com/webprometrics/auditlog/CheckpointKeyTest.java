package com.webprometrics.auditlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CheckpointKeyTest {
    // RFC 8037 appendix A: the Ed25519 key and its RFC 7638 thumbprint (A.3).
    private static final String RFC8037_D = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";
    private static final String RFC8037_X = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
    private static final String RFC8037_KID = "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k";

    @Test
    void thumbprintOfTheRfc8037Key() {
        CheckpointKey key = CheckpointKey.fromPublicKey(Base64.getUrlDecoder().decode(RFC8037_X));
        assertThat(key.keyId()).isEqualTo(RFC8037_KID);
        assertThat(key.toJwk()).containsEntry("x", RFC8037_X).containsEntry("kid", RFC8037_KID)
                .containsEntry("kty", "OKP").containsEntry("crv", "Ed25519").containsEntry("use", "sig")
                .containsEntry("alg", "EdDSA");
    }

    @Test
    void aPkcs8PrivateKeyYieldsItsPublicKey() {
        byte[] header = HexFormat.of().parseHex("302e020100300506032b657004220420");
        byte[] seed = Base64.getUrlDecoder().decode(RFC8037_D);
        byte[] pkcs8 = new byte[header.length + seed.length];
        System.arraycopy(header, 0, pkcs8, 0, header.length);
        System.arraycopy(seed, 0, pkcs8, header.length, seed.length);
        CheckpointKey key = CheckpointKey.fromPkcs8(pkcs8);
        assertThat(key.keyId()).isEqualTo(RFC8037_KID);
        assertThat(key.canSign()).isTrue();
        // RFC 8032 §7.1 test 1's key is another seed; here the signature must verify with the published x alone
        byte[] message = "a checkpoint body\n".getBytes(StandardCharsets.UTF_8);
        byte[] signature = key.sign(message);
        assertThat(CheckpointKey.fromPublicKey(Base64.getUrlDecoder().decode(RFC8037_X)).verify(message, signature))
                .isTrue();
    }

    @Test
    void generatedKeysSignAndVerifyAndSurviveTheirEncodings() {
        CheckpointKey key = CheckpointKey.generate();
        Checkpoint checkpoint = Checkpoint.of(42, Hashes.emptyRoot(), Instant.parse("2026-12-05T18:00:00.123Z"));
        SignedCheckpoint signed = key.sign(checkpoint);
        assertThat(signed.keyId()).isEqualTo(key.keyId());
        assertThat(signed.verify(key)).isTrue();
        assertThat(signed.verify(CheckpointKey.fromJwk(key.toJwkJson()))).isTrue();
        assertThat(signed.verify(CheckpointKey.fromPublicKey(key.publicKeyBytes()))).isTrue();
        CheckpointKey restored = CheckpointKey.fromPkcs8(key.privateKeyPkcs8());
        assertThat(restored.keyId()).isEqualTo(key.keyId());
        assertThat(restored.sign(checkpoint).verify(key)).isTrue();
        assertThat(signed.verify(CheckpointKey.generate())).isFalse();
        assertThat(key.publicOnly().canSign()).isFalse();
        assertThatThrownBy(() -> key.publicOnly().sign(checkpoint)).isInstanceOf(IllegalStateException.class);

        byte[] forged = signed.signature().clone();
        forged[3] ^= 1;
        assertThat(new SignedCheckpoint(checkpoint, key.keyId(), forged).verify(key)).isFalse();
        Checkpoint other = new Checkpoint(Checkpoint.ORIGIN, 43, checkpoint.root(), checkpoint.timestamp());
        assertThat(new SignedCheckpoint(other, key.keyId(), signed.signature()).verify(key)).isFalse();
    }

    @Test
    void theSignedBodyIsASignedNoteBody() {
        byte[] root = Hashes.emptyRoot();
        Checkpoint checkpoint = Checkpoint.of(7, root, Instant.parse("2026-12-05T18:00:00Z"));
        assertThat(new String(checkpoint.body(), StandardCharsets.UTF_8)).isEqualTo(
                "webprometrics.audit/v1\n7\n" + Base64.getEncoder().encodeToString(root)
                        + "\n2026-12-05T18:00:00.000Z\n");
    }

    @Test
    void aJwkWhoseKidIsNotItsThumbprintIsRefused() {
        String jwk = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + RFC8037_X + "\",\"kid\":\"someone-else\"}";
        assertThatThrownBy(() -> CheckpointKey.fromJwk(jwk)).isInstanceOf(ExportFormatException.class)
                .hasMessageContaining("thumbprint");
        assertThatThrownBy(() -> CheckpointKey.fromJwk("{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"AA\"}"))
                .isInstanceOf(ExportFormatException.class);
        assertThat(CheckpointKey.fromJwkOrSet("{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + RFC8037_X
                + "\"}]}")).extracting(CheckpointKey::keyId).containsExactly(RFC8037_KID);
    }
}
