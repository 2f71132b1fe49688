package org.caserouting.review;

/**
 * processes/horizontal-joint-review.bpmn (會辦): the lead agency checks completeness, each
 * co-reviewing agency gives its opinion in parallel by its own due date, a joint site inspection
 * (聯合會勘) is scheduled and minuted when the case type needs one, and the lead drafts the
 * decision from all opinions for its signers.
 */
public final class JointReviewProcess {

  public static final String KEY = "horizontal-joint-review";

  public static final class Elements {
    public static final String DECIDE_EXTRA_CO_REVIEWERS = "decideExtraCoReviewers";
    public static final String PREPARE = "prepareJointReview";
    public static final String CHECK_COMPLETENESS = "checkCompleteness";
    public static final String SUPPLEMENTATION = "requestSupplementation";
    public static final String DISPATCH = "dispatchCoReview";
    public static final String PROPOSE_INSPECTION = "proposeInspection";
    public static final String ANSWER_INSPECTION = "answerInspection";
    public static final String TALLY_INSPECTION = "tallyInspection";
    public static final String FIX_INSPECTION = "fixInspectionSlot";
    public static final String INSPECTION_HELD = "inspectionHeld";
    public static final String CO_REVIEW_BY_AGENCY = "coReviewByAgency";
    public static final String CO_REVIEW = "coReview";
    public static final String CO_REVIEW_REMINDER = "coReviewReminder";
    public static final String CO_REVIEW_OVERDUE = "coReviewOverdue";
    public static final String CO_REVIEW_GRACE_PASSED = "coReviewGracePassed";
    public static final String FOLLOW_UP_OVERDUE = "followUpCoReviewOverdue";
    public static final String RECORD_MINUTES = "recordMinutes";
    public static final String SIGN_MINUTES = "signMinutes";
    public static final String GATHER = "gatherOpinions";
    public static final String CONSOLIDATE = "consolidateOpinions";
    public static final String SIGN_OFF = "signOffByLeadAgency";
    public static final String CONCLUDE = "concludeJointReview";
    public static final String DECISION_MADE = "jointDecisionMade";

    private Elements() {}
  }

  public static final class Variables {
    /** List of agency codes (JSON): the co-reviewing agencies, after the lead's changes. */
    public static final String CO_REVIEWERS = "coReviewers";
    /** String: who co-reviews and why, for the lead's forms. */
    public static final String CO_REVIEWERS_TEXT = "coReviewersText";
    /** Local to each agency's part, String: that agency. */
    public static final String CO_REVIEW_AGENCY = "coReviewAgency";
    /** Local, Date: that agency's due date and the end of its grace. */
    public static final String CO_REVIEW_DUE = "coReviewDue";
    public static final String CO_REVIEW_GRACE_ENDS = "coReviewGraceEnds";
    /** From the lead's completeness form: agency codes to add or remove, and why. */
    public static final String ADD_AGENCIES = "addAgencies";
    public static final String REMOVE_AGENCIES = "removeAgencies";
    public static final String CHANGE_REASON = "changeReason";
    /** From the co-review form. */
    public static final String CONDITIONS = "conditions";
    public static final String LEGAL_BASIS = "legalBasis";
    public static final String FINDINGS = "findings";
    /** From the lead's inspection proposal: ISO date-time text and place; the date as a Date. */
    public static final String INSPECTION_AT = "inspectionAt";
    public static final String INSPECTION_PLACE = "inspectionPlace";
    public static final String INSPECTION_DATE = "inspectionDate";
    public static final String INSPECTION_ROUND = "inspectionRound";
    public static final String INSPECTION_AGREED = "inspectionAgreed";
    public static final String COUNTER_PROPOSALS = "inspectionCounterProposals";
    /** From an agency's inspection answer: the time it proposes instead. */
    public static final String PROPOSED_AT = "proposedAt";
    /** From the lead's minutes form (會勘紀錄). */
    public static final String MINUTES = "minutes";
    /** Gathered after the join, for the lead's consolidation. */
    public static final String SUMMARY = "coReviewSummary";
    public static final String HAS_OBJECTION = "hasObjection";
    public static final String ALL_CONDITIONS = "coReviewConditions";
    /** From the consolidation form: why an objection is overcome, when approving over it. */
    public static final String OBJECTION_ANSWER = "objectionAnswer";

    private Variables() {}
  }

  /** Rounds of proposals before the lead fixes the slot. */
  public static final int INSPECTION_ROUNDS = 3;

  private JointReviewProcess() {}
}
