package org.caserouting.verification;

import java.nio.charset.StandardCharsets;
import org.caserouting.platform.Sha256;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A code standing for a person's ID in the evidence of whose data was touched: the same for the
 * same person across cases, and no way back to the ID without the server's key (the reader key,
 * kept apart from staff pseudonyms by what is hashed).
 */
@Component
public class PersonCodes {

  private final byte[] key;

  PersonCodes(@Value("${caserouting.tracking.reader-key:demo-only-reader-key}") String key) {
    this.key = key.getBytes(StandardCharsets.UTF_8);
  }

  public String of(String nationalId) {
    return Sha256.hmac(key, "person\n" + nationalId);
  }
}
