package org.caserouting.signoff;

import org.caserouting.platform.Variable;
import org.caserouting.platform.engine.task.TaskOutcome;

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
    /** In: the agency whose people sign. */
    public static final Variable<String> SIGNING_AGENCY = Variable.text("signingAgency");
    /** In: 0 for the receiving agency, 1 for the first agency above it, and so on. */
    public static final Variable<Integer> SIGNING_LEVEL = Variable.number("signingLevel");
    /** In: a {@link DecisionKind}. */
    public static final Variable<String> DECISION_KIND = Variable.text("decisionKind");
    /** In: user id of the clerk who drafted; that person may not sign. */
    public static final Variable<String> DRAFTED_BY = Variable.text("draftedBy");
    /** In: the draft's reasons, as the signers read them. */
    public static final Variable<String> DRAFT_OPINION = Variable.text("draftOpinion");
    /** In, optional: the draft's conditions and how objections were answered, as the signers read them. */
    public static final Variable<String> DRAFT_CONDITIONS = Variable.text("draftConditions");
    /** Set here: the agency's level (DISTRICT, CITY, CENTRAL), a decision input. */
    public static final Variable<String> AGENCY_LEVEL = Variable.text("agencyLevel");
    /** Set here: the signing agency by name, for the signers' form. */
    public static final Variable<String> SIGNING_AGENCY_NAME = Variable.text("signingAgencyName");
    /** Set here: the case type's category, a decision input. */
    public static final Variable<String> CATEGORY = Variable.text("category");
    /** Set here: "CHIEF" or "CHIEF,DIRECTOR", from the decision. */
    public static final Variable<String> SIGNERS = Variable.text("signers");
    /** Set here: the earlier signatures of the case, for the signer to read. */
    public static final Variable<String> EARLIER_SIGN_OFFS = Variable.text("earlierSignOffs");
    /** Local to each signature: the role signing. */
    public static final Variable<String> SIGNER_ROLE = Variable.text("signerRole");
    /** Set by the contract: the last signer's outcome and opinion, kept under the task's name. */
    public static final Variable<String> SIGN_OUTCOME = TaskOutcome.outcomeOf(Elements.SIGN);
    public static final Variable<String> SIGN_OPINION = TaskOutcome.opinionOf(Elements.SIGN);
    /** Out: SIGNED or RETURNED. */
    public static final Variable<String> RESULT = Variable.text("signOffResult");
    /** Out: why a signer returned the draft. */
    public static final Variable<String> RETURN_OPINION = Variable.text("signOffReturnOpinion");

    private Variables() {}
  }

  public static final String SIGNED = "SIGNED";
  public static final String RETURNED = "RETURNED";

  private SignOffProcess() {}
}
