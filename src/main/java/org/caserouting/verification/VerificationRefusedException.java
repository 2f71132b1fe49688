package org.caserouting.verification;

/** We refused to ask: no consent, outside the case type's scope, or tax data without approval. */
public class VerificationRefusedException extends RuntimeException {
  public VerificationRefusedException(String message) {
    super(message);
  }
}
