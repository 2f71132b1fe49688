package org.caserouting.verification;

/** We refused to ask: no consent, outside the case type's scope, or tax data without approval. */
public class VerificationRefusedException extends RuntimeException {

  private final EvidenceOutcome outcome;

  public VerificationRefusedException(EvidenceOutcome outcome, String message) {
    super(message);
    this.outcome = outcome;
  }

  public EvidenceOutcome outcome() {
    return outcome;
  }
}
