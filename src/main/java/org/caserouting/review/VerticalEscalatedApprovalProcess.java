package org.caserouting.review;

import org.caserouting.assistance.MeansTestAdjusting;
import org.caserouting.platform.Variable;
import org.caserouting.platform.engine.task.TaskOutcome;
import org.caserouting.signoff.SignOffProcess;
import org.caserouting.supplementation.SupplementationProcess;

/**
 * processes/vertical-escalated-approval.bpmn (層轉核示): the receiving agency reviews, its signers
 * sign the forward, and each agency up the case type's escalation chain reviews in turn, returns
 * the case one level down, forwards it further, or drafts the decision for its signers.
 */
public final class VerticalEscalatedApprovalProcess {

  public static final String KEY = "vertical-escalated-approval";

  public static final class Elements {
    public static final String PREPARE = "prepareEscalation";
    public static final String FIRST_REVIEW = "reviewByReceivingAgency";
    public static final String SUPPLEMENTATION = "requestSupplementation";
    public static final String RECEIVING_SIGN_OFF = "signOffByReceivingAgency";
    public static final String FORWARD = "forwardToUpperAgency";
    public static final String UPPER_REVIEW = "reviewByUpperAgency";
    public static final String RETURN_TO_LOWER = "returnToLowerAgency";
    public static final String UPPER_SIGN_OFF = "signOffByUpperAgency";
    public static final String CONCLUDE = "concludeVertical";
    public static final String DECISION_MADE = "decisionMade";
    public static final String WITHDRAWN = "caseWithdrawn";
    public static final String FIRST_REVIEW_OVERDUE = "firstReviewOverdue";
    public static final String UPPER_REVIEW_OVERDUE = "upperReviewOverdue";
    public static final String RECORD_OVERDUE = "recordOverdue";
    public static final String FOLLOW_UP_OVERDUE = "followUpOverdue";

    private Elements() {}
  }

  public static final class Variables {
    /** 0 while the receiving agency holds the case, 1 for the first agency above it, ... */
    public static final Variable<Integer> LEVEL_INDEX = Variable.number("levelIndex");
    /** The agency holding the case now. */
    public static final Variable<String> CURRENT_AGENCY = Variable.text("currentAgency");
    /** The escalation chain goes on above the current agency. */
    public static final Variable<Boolean> HAS_HIGHER_LEVEL = Variable.flag("hasHigherLevel");
    /** The whole chain, e.g. "DO-DAAN → SOCIAL", for the forms. */
    public static final Variable<String> ESCALATION_PATH = Variable.text("escalationPath");
    /** Why the agency above returned the case, for the clerk below. */
    public static final Variable<String> UPPER_RETURN_OPINION = Variable.text("upperReturnOpinion");
    /** Set by the contract: the reviews' drafts, kept under each task's name. */
    public static final Variable<String> FIRST_REVIEW_OUTCOME = TaskOutcome.outcomeOf(Elements.FIRST_REVIEW);
    public static final Variable<String> FIRST_REVIEW_OPINION = TaskOutcome.opinionOf(Elements.FIRST_REVIEW);
    public static final Variable<String> UPPER_REVIEW_OUTCOME = TaskOutcome.outcomeOf(Elements.UPPER_REVIEW);
    public static final Variable<String> UPPER_REVIEW_OPINION = TaskOutcome.opinionOf(Elements.UPPER_REVIEW);
    /** Local to an overdue escalation: the agency whose section chief follows up. */
    public static final Variable<String> OVERDUE_AGENCY = Variable.text("overdueAgency");

    /**
     * For a type with a means test, the one line the first review's form shows (no names): set by
     * prepareEscalation, and again on each adjustment by the clerk.
     */
    public static final Variable<String> MEANS_TEST_PROPOSAL = MeansTestAdjusting.PROPOSAL;

    /** Out of the sign-off: why a signer returned the draft, for the clerk who redrafts. */
    public static final Variable<String> SIGN_OFF_RETURN_OPINION = SignOffProcess.Variables.RETURN_OPINION;
    /** Out of the supplementation: what the applicant sent, for the clerk who reviews. */
    public static final Variable<String> SUPPLEMENT_RECEIVED = SupplementationProcess.Variables.RECEIVED_SUMMARY;

    private Variables() {}
  }

  private VerticalEscalatedApprovalProcess() {}
}
