package org.caserouting.receipts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The receipt signing key: kept by its owner only, one key for every node, old keys still trusted. */
class ReceiptKeysTest {

  @TempDir Path folder;

  @Test
  void nodesStartingTogetherMakeOneKeyReadableByItsOwnerOnly() throws Exception {
    Path file = folder.resolve("keys/receipt-signing-key.jwk.json");
    ExecutorService nodes = Executors.newFixedThreadPool(8);
    try {
      List<Callable<String>> starts = new ArrayList<>();
      for (int node = 0; node < 8; node++) {
        starts.add(() -> new ReceiptKeys(new ReceiptProperties(null, file.toString(), null)).signingKey().getKeyID());
      }
      List<String> keyIds = new ArrayList<>();
      for (Future<String> started : nodes.invokeAll(starts)) {
        keyIds.add(started.get());
      }

      assertThat(keyIds).as("every node signs with the one key").containsOnly(keyIds.get(0));
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
      try (var left = Files.list(file.getParent())) {
        assertThat(left).as("no drafts left behind").containsExactly(file);
      }
    } finally {
      nodes.shutdownNow();
    }
  }

  @Test
  void aKeyFileOthersCanReadStopsTheStart() throws Exception {
    Path file = folder.resolve("receipt-signing-key.jwk.json");
    Files.writeString(file, new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate().toJSONString());
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(() -> new ReceiptKeys(new ReceiptProperties(null, file.toString(), null)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("can be read by others")
        .hasMessageContaining("chmod 600");
  }

  @Test
  void aReceiptSignedBeforeARotationStillVerifiesWithThePublishedKeys() throws Exception {
    ECKey old = new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate();
    ECKey current = new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate();
    JWSObject signedBefore = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(old.getKeyID()).build(),
        new Payload("{\"applicationNo\": \"2026-CA-000001\"}"));
    signedBefore.sign(new ECDSASigner(old));

    ReceiptKeys rotated = new ReceiptKeys(new ReceiptProperties(current.toJSONString(), null,
        new JWKSet(old.toPublicJWK()).toString()));

    JWKSet published = rotated.publicKeys();
    assertThat(published.getKeys()).extracting(key -> key.getKeyID()).containsExactly(current.getKeyID(), old.getKeyID());
    assertThat(published.getKeys()).noneMatch(key -> key.isPrivate());
    assertThat(rotated.signingKey().getKeyID()).isEqualTo(current.getKeyID());
    ECKey verifying = (ECKey) published.getKeyByKeyId(old.getKeyID());
    assertThat(signedBefore.verify(new ECDSAVerifier(verifying))).isTrue();
  }

  @Test
  void aRetiredKeyIsGivenWithoutItsPrivatePart() throws Exception {
    ECKey old = new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate();

    assertThatThrownBy(() -> new ReceiptKeys(new ReceiptProperties(null, null, new JWKSet(old).toString(false))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("only its public part");
  }
}
