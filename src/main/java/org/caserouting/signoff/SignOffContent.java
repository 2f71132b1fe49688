package org.caserouting.signoff;

import java.time.Instant;
import org.caserouting.platform.Sha256;

/**
 * What a signature says, and its SHA-256 over that content and the previous signature's hash.
 * Each field is written with its length, so no two different contents hash alike by shifting
 * text from one field to the next.
 *
 * <p>Version 1 covered the signer's own words only; version 2 also covers the draft they signed.
 * A row keeps the version it was signed with, so chains signed before still verify, and a chain
 * never goes back to version 1 after a version 2 row. Version 3 also covers whom the signer acted
 * for, when they signed as an absent colleague's deputy (職務代理). Version 4 also covers the case's
 * settled facts beside the draft (the means test as the clerk settled it).
 */
record SignOffContent(
    int version,
    String applicationNo,
    int seq,
    int level,
    String agency,
    String role,
    String userId,
    String actingFor,
    Instant signedAt,
    String outcome,
    String opinion,
    SignedDraft draft) {

  static final int CURRENT_VERSION = 4;

  String hash(String previousHash) {
    return switch (version) {
      case 1 -> Sha256.ofFields(
          "sign-off/v1", applicationNo, seq, level, agency, role, userId, signedAt, draft.kind().name(), outcome,
          opinion, previousHash);
      case 2 -> Sha256.ofFields(
          "sign-off/v2", applicationNo, seq, level, agency, role, userId, signedAt, draft.kind().name(),
          draft.reasons(), draft.conditions(), draft.minutes(), outcome, opinion, previousHash);
      case 3 -> Sha256.ofFields(
          "sign-off/v3", applicationNo, seq, level, agency, role, userId, actingFor == null ? "" : actingFor, signedAt,
          draft.kind().name(), draft.reasons(), draft.conditions(), draft.minutes(), outcome, opinion, previousHash);
      case 4 -> Sha256.ofFields(
          "sign-off/v4", applicationNo, seq, level, agency, role, userId, actingFor == null ? "" : actingFor, signedAt,
          draft.kind().name(), draft.reasons(), draft.conditions(), draft.minutes(), draft.facts(), outcome, opinion,
          previousHash);
      default -> throw new IllegalStateException("Unknown sign-off hash version " + version);
    };
  }
}
