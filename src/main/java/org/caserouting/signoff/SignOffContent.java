package org.caserouting.signoff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * What a signature says, and its SHA-256 over that content and the previous signature's hash.
 * Each field is written with its length, so no two different contents hash alike by shifting
 * text from one field to the next.
 */
record SignOffContent(
    String applicationNo,
    int seq,
    int level,
    String agency,
    String role,
    String userId,
    Instant signedAt,
    DecisionKind decisionKind,
    String outcome,
    String opinion) {

  String hash(String previousHash) {
    StringBuilder canonical = new StringBuilder("sign-off/v1");
    Stream.of(
            applicationNo,
            Integer.toString(seq),
            Integer.toString(level),
            agency,
            role,
            userId,
            signedAt.toString(),
            decisionKind.name(),
            outcome,
            opinion,
            previousHash == null ? "" : previousHash)
        .forEach(field -> canonical.append('|').append(field.length()).append(':').append(field));
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
