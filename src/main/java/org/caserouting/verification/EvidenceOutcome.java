package org.caserouting.verification;

public enum EvidenceOutcome {
  ANSWERED,
  /** A contact slip (聯繫單): the source agency's clerk answered from its records. */
  ANSWERED_BY_CLERK,
  NOT_FOUND,
  FAILED,
  REFUSED_NO_CONSENT,
  REFUSED_OUT_OF_SCOPE,
  REFUSED_NO_TAX_APPROVAL
}
