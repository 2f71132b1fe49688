package org.caserouting.receipts;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The key receipts are signed with, and the public keys others verify them with: the current one
 * and every retired one, so a receipt signed before a key rotation still verifies.
 */
@Component
public class ReceiptKeys {

  private static final Set<PosixFilePermission> OTHERS_MAY_READ =
      EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);

  private final ECKey key;
  private final JWKSet publicKeys;

  ReceiptKeys(ReceiptProperties properties) {
    this.key = load(properties);
    List<JWK> all = new ArrayList<>();
    all.add(key.toPublicJWK());
    for (JWK retired : retired(properties.retiredKeys())) {
      if (!retired.getKeyID().equals(key.getKeyID())) {
        all.add(retired.toPublicJWK());
      }
    }
    this.publicKeys = new JWKSet(all);
  }

  ECKey signingKey() {
    return key;
  }

  /** The public keys only, current and retired, as published at /.well-known/jwks.json. */
  public JWKSet publicKeys() {
    return publicKeys;
  }

  /** Whether a receipt is signed ES256 by one of our keys, current or retired. */
  boolean signedByUs(JWSObject jws) {
    if (!JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm()) || jws.getHeader().getKeyID() == null) {
      return false;
    }
    JWK known = publicKeys.getKeyByKeyId(jws.getHeader().getKeyID());
    try {
      return known instanceof ECKey ec && jws.verify(new ECDSAVerifier(ec.toECPublicKey()));
    } catch (JOSEException e) {
      return false;
    }
  }

  private static List<JWK> retired(String jwks) {
    if (jwks == null || jwks.isBlank()) {
      return List.of();
    }
    try {
      List<JWK> keys = JWKSet.parse(jwks).getKeys();
      for (JWK retired : keys) {
        if (retired.getKeyID() == null || retired.isPrivate()) {
          throw new IllegalStateException(
              "caserouting.receipts.retired-keys: each retired key needs its kid, and only its public part");
        }
      }
      return keys;
    } catch (ParseException e) {
      throw new IllegalStateException("caserouting.receipts.retired-keys is not a JWK set", e);
    }
  }

  private static ECKey load(ReceiptProperties properties) {
    try {
      if (properties.jwk() != null && !properties.jwk().isBlank()) {
        return ECKey.parse(properties.jwk());
      }
      if (properties.keyFile() != null && !properties.keyFile().isBlank()) {
        return fromFile(Path.of(properties.keyFile()).toAbsolutePath());
      }
      return generate();
    } catch (ParseException | JOSEException e) {
      throw new IllegalStateException("The receipt signing key is not a usable EC P-256 JWK", e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or keep the receipt signing key", e);
    }
  }

  /**
   * The key in the file, made by whichever node starts first. It is written whole to a file of
   * its own, readable by its owner only, and then linked into place, which fails if the file is
   * there: two nodes starting together end up with the one key, never half of one.
   */
  private static ECKey fromFile(Path file) throws IOException, ParseException, JOSEException {
    if (!Files.exists(file)) {
      Files.createDirectories(file.getParent());
      ECKey generated = generate();
      Path draft = Files.createTempFile(file.getParent(), ".receipt-key-", ".tmp", ownerOnly(file.getParent()));
      try {
        Files.writeString(draft, generated.toJSONString(), StandardCharsets.UTF_8);
        Files.createLink(file, draft);
      } catch (FileAlreadyExistsException anotherNodeFirst) {
        // Its key is the one: read below.
      } finally {
        Files.deleteIfExists(draft);
      }
    }
    refuseIfOthersMayRead(file);
    return ECKey.parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  private static java.nio.file.attribute.FileAttribute<?>[] ownerOnly(Path folder) {
    if (Files.getFileAttributeView(folder, PosixFileAttributeView.class) == null) {
      return new java.nio.file.attribute.FileAttribute<?>[0];
    }
    return new java.nio.file.attribute.FileAttribute<?>[] {
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
    };
  }

  private static void refuseIfOthersMayRead(Path file) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    if (view == null) {
      return;
    }
    Set<PosixFilePermission> permissions = view.readAttributes().permissions();
    if (permissions.stream().anyMatch(OTHERS_MAY_READ::contains)) {
      throw new IllegalStateException(
          "The receipt signing key " + file + " can be read by others (" + PosixFilePermissions.toString(permissions)
              + "): whoever reads it can sign receipts in the city's name. Make it readable by this service's"
              + " user only (chmod 600), and replace the key if others may have read it.");
    }
  }

  /** Prints a new signing key, for CASEROUTING_RECEIPTS_JWK: a secret, to be kept as one. */
  public static void main(String[] args) throws JOSEException {
    System.out.println(generate().toJSONString());
  }

  private static ECKey generate() throws JOSEException {
    return new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate();
  }
}
