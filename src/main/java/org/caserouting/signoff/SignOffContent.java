package org.caserouting.signoff;

import java.time.Instant;
import org.caserouting.platform.Sha256;

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
    return Sha256.ofFields(
        "sign-off/v1", applicationNo, seq, level, agency, role, userId, signedAt, decisionKind.name(), outcome,
        opinion, previousHash);
  }
}
