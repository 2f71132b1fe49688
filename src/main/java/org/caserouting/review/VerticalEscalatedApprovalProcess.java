package org.caserouting.review;

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
    public static final String FIRST_REVIEW_REMINDER = "firstReviewReminder";
    public static final String FIRST_REVIEW_OVERDUE = "firstReviewOverdue";
    public static final String UPPER_REVIEW_REMINDER = "upperReviewReminder";
    public static final String UPPER_REVIEW_OVERDUE = "upperReviewOverdue";
    public static final String REMIND = "remindOfDueReview";
    public static final String RECORD_OVERDUE = "recordOverdue";
    public static final String FOLLOW_UP_OVERDUE = "followUpOverdue";

    private Elements() {}
  }

  public static final class Variables {
    /** Integer: 0 while the receiving agency holds the case, 1 for the first agency above it, ... */
    public static final String LEVEL_INDEX = "levelIndex";
    /** String: the agency holding the case now. */
    public static final String CURRENT_AGENCY = "currentAgency";
    /** Boolean: the escalation chain goes on above the current agency. */
    public static final String HAS_HIGHER_LEVEL = "hasHigherLevel";
    /** String: the whole chain, e.g. "DO-DAAN → SOCIAL", for the forms. */
    public static final String ESCALATION_PATH = "escalationPath";
    /** String: why the agency above returned the case, for the clerk below. */
    public static final String UPPER_RETURN_OPINION = "upperReturnOpinion";
    /** String, local to an overdue escalation: the agency whose section chief follows up. */
    public static final String OVERDUE_AGENCY = "overdueAgency";

    private Variables() {}
  }

  private VerticalEscalatedApprovalProcess() {}
}
