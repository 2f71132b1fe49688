package org.caserouting.verification;

public enum EvidenceOutcome {
  ANSWERED,
  NOT_FOUND,
  FAILED,
  REFUSED_NO_CONSENT,
  REFUSED_OUT_OF_SCOPE,
  REFUSED_NO_TAX_APPROVAL
}
