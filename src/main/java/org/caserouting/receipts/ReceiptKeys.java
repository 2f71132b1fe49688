package org.caserouting.receipts;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import org.springframework.stereotype.Component;

/** The key receipts are signed with, and the public key set others verify them with. */
@Component
public class ReceiptKeys {

  private final ECKey key;

  ReceiptKeys(ReceiptProperties properties) {
    this.key = load(properties);
  }

  ECKey signingKey() {
    return key;
  }

  /** The public keys only, as published at /.well-known/jwks.json. */
  public JWKSet publicKeys() {
    return new JWKSet(key.toPublicJWK());
  }

  private static ECKey load(ReceiptProperties properties) {
    try {
      if (properties.jwk() != null && !properties.jwk().isBlank()) {
        return ECKey.parse(properties.jwk());
      }
      if (properties.keyFile() != null && !properties.keyFile().isBlank()) {
        Path file = Path.of(properties.keyFile());
        if (Files.exists(file)) {
          return ECKey.parse(Files.readString(file, StandardCharsets.UTF_8));
        }
        ECKey generated = generate();
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, generated.toJSONString(), StandardCharsets.UTF_8);
        return generated;
      }
      return generate();
    } catch (ParseException | JOSEException e) {
      throw new IllegalStateException("The receipt signing key is not a usable EC P-256 JWK", e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or keep the receipt signing key", e);
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
