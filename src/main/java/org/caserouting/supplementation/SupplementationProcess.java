package org.caserouting.supplementation;

/**
 * processes/supplementation.bpmn (補正), called by every review process: the applicant is told what
 * is missing and by when, the processing clock pauses, and either the supplement arrives and the
 * clerk checks it, or the deadline passes and the case is closed.
 */
public final class SupplementationProcess {

  public static final String KEY = "supplementation";

  /** Message the supplements endpoint correlates, by the application number as business key. */
  public static final String SUPPLEMENT_RECEIVED = "supplementReceived";

  public static final class Elements {
    public static final String REQUEST = "requestSupplement";
    public static final String WAIT = "waitForSupplement";
    public static final String RECEIVED = "supplementReceived";
    public static final String DEADLINE_PASSED = "supplementDeadlinePassed";
    public static final String CHECK = "checkSupplement";
    public static final String WITHDRAW = "withdrawForNoSupplement";
    public static final String SUPPLIED = "supplementAccepted";
    public static final String WITHDRAWN = "caseWithdrawn";

    private Elements() {}
  }

  public static final class Variables {
    /** In, String: the agency asking; its clerks check what arrives. */
    public static final String AGENCY = "supplementAgency";
    /** In, String: what is missing, as the applicant will read it. */
    public static final String MISSING = "missingDocuments";
    /** Set here, Date: when the case closes if nothing arrives. */
    public static final String DEADLINE = "supplementDeadline";
    /** Set by the endpoint, String: what arrived, one document per line. */
    public static final String RECEIVED_SUMMARY = "supplementReceivedSummary";
    /** Out, Boolean: the deadline passed and the case is closed. */
    public static final String WITHDRAWN = "withdrawn";

    private Variables() {}
  }

  private SupplementationProcess() {}
}
