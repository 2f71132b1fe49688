package org.caserouting.signoff;

/**
 * processes/sign-off.bpmn: the one sign-off mechanism (線上陳核). The delegation of authority
 * (dmn/sign-off-authority.dmn) names the roles that sign, in order; each signs or returns the
 * draft to the clerk who wrote it. Every signature is appended to the application's chain.
 */
public final class SignOffProcess {

  public static final String KEY = "sign-off";

  public static final class Elements {
    public static final String PREPARE = "prepareSignOff";
    public static final String DECIDE_SIGNERS = "decideSigners";
    public static final String SIGN = "signOff";
    public static final String CONCLUDE = "concludeSignOff";

    private Elements() {}
  }

  /** Inputs the caller maps in, and the results it maps out. */
  public static final class Variables {
    /** In, String: the agency whose people sign. */
    public static final String SIGNING_AGENCY = "signingAgency";
    /** In, Integer: 0 for the receiving agency, 1 for the first agency above it, and so on. */
    public static final String SIGNING_LEVEL = "signingLevel";
    /** In, String: a {@link DecisionKind}. */
    public static final String DECISION_KIND = "decisionKind";
    /** In, String: user id of the clerk who drafted; that person may not sign. */
    public static final String DRAFTED_BY = "draftedBy";
    /** In, String: the draft's reasons, as the signers read them. */
    public static final String DRAFT_OPINION = "draftOpinion";
    /** Set here, String: the agency's level (DISTRICT, CITY, CENTRAL), a decision input. */
    public static final String AGENCY_LEVEL = "agencyLevel";
    /** Set here, String: the case type's category, a decision input. */
    public static final String CATEGORY = "category";
    /** Set here, String: "CHIEF" or "CHIEF,DIRECTOR", from the decision. */
    public static final String SIGNERS = "signers";
    /** Set here, String: the earlier signatures of the case, for the signer to read. */
    public static final String EARLIER_SIGN_OFFS = "earlierSignOffs";
    /** Local to each signature, String: the role signing. */
    public static final String SIGNER_ROLE = "signerRole";
    /** Out, String: SIGNED or RETURNED. */
    public static final String RESULT = "signOffResult";
    /** Out, String: why a signer returned the draft. */
    public static final String RETURN_OPINION = "signOffReturnOpinion";

    private Variables() {}
  }

  public static final String SIGNED = "SIGNED";
  public static final String RETURNED = "RETURNED";

  private SignOffProcess() {}
}
