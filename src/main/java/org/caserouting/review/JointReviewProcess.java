package org.caserouting.review;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.caserouting.platform.Variable;
import org.caserouting.platform.engine.task.TaskOutcome;
import org.caserouting.signoff.SignOffProcess;
import org.caserouting.supplementation.SupplementationProcess;

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
    public static final String PROPOSE_INSPECTION = "proposeInspection";
    public static final String ANSWER_INSPECTION = "answerInspection";
    public static final String TALLY_INSPECTION = "tallyInspection";
    public static final String FIX_INSPECTION = "fixInspectionSlot";
    public static final String INSPECTION_HELD = "inspectionHeld";
    public static final String CO_REVIEW_BY_AGENCY = "coReviewByAgency";
    public static final String CO_REVIEW = "coReview";
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
    /** The rows of dmn/co-review.dmn: agencies the site's facts add, and why. */
    public static final Variable<List<Map<String, Object>>> RULE_CO_REVIEWERS = Variable.rows("ruleCoReviewers");
    /** The co-reviewing agencies, after the lead's changes. */
    public static final Variable<List<String>> CO_REVIEWERS = Variable.texts("coReviewers");
    /** Who co-reviews and why, for the lead's forms. */
    public static final Variable<String> CO_REVIEWERS_TEXT = Variable.text("coReviewersText");
    /** Local to each agency's part: that agency. */
    public static final Variable<String> CO_REVIEW_AGENCY = Variable.text("coReviewAgency");
    /** Local: that agency's due date and the end of its grace. */
    public static final Variable<Date> CO_REVIEW_DUE = Variable.date("coReviewDue");
    public static final Variable<Date> CO_REVIEW_GRACE_ENDS = Variable.date("coReviewGraceEnds");
    /** From the lead's completeness form: agency codes to add or remove, and why. */
    public static final Variable<String> ADD_AGENCIES = Variable.text("addAgencies");
    public static final Variable<String> REMOVE_AGENCIES = Variable.text("removeAgencies");
    public static final Variable<String> CHANGE_REASON = Variable.text("changeReason");
    /** From the co-review form. */
    public static final Variable<String> CONDITIONS = Variable.text("conditions");
    public static final Variable<String> LEGAL_BASIS = Variable.text("legalBasis");
    public static final Variable<String> FINDINGS = Variable.text("findings");
    /** From the lead's inspection proposal: ISO date-time text and place; the date as a Date. */
    public static final Variable<String> INSPECTION_AT = Variable.text("inspectionAt");
    public static final Variable<String> INSPECTION_PLACE = Variable.text("inspectionPlace");
    public static final Variable<Date> INSPECTION_DATE = Variable.date("inspectionDate");
    public static final Variable<Integer> INSPECTION_ROUND = Variable.number("inspectionRound");
    public static final Variable<Boolean> INSPECTION_AGREED = Variable.flag("inspectionAgreed");
    public static final Variable<String> COUNTER_PROPOSALS = Variable.text("inspectionCounterProposals");
    /** From an agency's inspection answer: the time it proposes instead. */
    public static final Variable<String> PROPOSED_AT = Variable.text("proposedAt");
    /** From the lead's minutes form (會勘紀錄). */
    public static final Variable<String> MINUTES = Variable.text("minutes");
    /** Gathered after the join, for the lead's consolidation. */
    public static final Variable<String> SUMMARY = Variable.text("coReviewSummary");
    public static final Variable<Boolean> HAS_OBJECTION = Variable.flag("hasObjection");
    public static final Variable<String> ALL_CONDITIONS = Variable.text("coReviewConditions");
    /** Set by the contract: the lead's consolidated draft, kept under the task's name. */
    public static final Variable<String> CONSOLIDATE_OUTCOME = TaskOutcome.outcomeOf(Elements.CONSOLIDATE);
    public static final Variable<String> CONSOLIDATE_OPINION = TaskOutcome.opinionOf(Elements.CONSOLIDATE);
    /** From the consolidation form: why an objection is overcome, when approving over it. */
    public static final Variable<String> OBJECTION_ANSWER = Variable.text("objectionAnswer");
    /** Set here, when the lead approves: the objection's answer and the conditions, which the sign-off signs. */
    public static final Variable<String> DRAFT_CONDITIONS = Variable.text("leadDraftConditions");

    /** Out of the sign-off: why a signer returned the draft, for the clerk who redrafts. */
    public static final Variable<String> SIGN_OFF_RETURN_OPINION = SignOffProcess.Variables.RETURN_OPINION;
    /** Out of the supplementation: what the applicant sent, for the clerk who reviews. */
    public static final Variable<String> SUPPLEMENT_RECEIVED = SupplementationProcess.Variables.RECEIVED_SUMMARY;
    /** Local to an overdue escalation: the agency whose section chief follows up, as in the vertical review. */
    public static final Variable<String> OVERDUE_AGENCY = VerticalEscalatedApprovalProcess.Variables.OVERDUE_AGENCY;

    private Variables() {}
  }

  /** Rounds of proposals before the lead fixes the slot. */
  public static final int INSPECTION_ROUNDS = 3;

  private JointReviewProcess() {}
}
