package org.caserouting.review;

import org.caserouting.platform.Variable;
import org.caserouting.platform.engine.task.TaskOutcome;
import org.caserouting.signoff.SignOffProcess;
import org.caserouting.supplementation.SupplementationProcess;

/**
 * processes/single-agency-review.bpmn: the receiving agency's clerk reviews and drafts, or asks the
 * applicant for missing documents (processes/supplementation.bpmn); the agency's signers sign off
 * (processes/sign-off.bpmn). Outputs {@code decision}, {@code decisionReason} and {@code withdrawn}.
 */
public final class SingleAgencyReviewProcess {

  public static final String KEY = "single-agency-review";

  public static final class Elements {
    public static final String REVIEW = "reviewByReceivingAgency";
    public static final String REVIEW_OUTCOME = "reviewOutcome";
    public static final String SUPPLEMENTATION = "requestSupplementation";
    public static final String WITHDRAWN = "caseWithdrawn";
    public static final String SIGN_OFF = "signOffByReceivingAgency";
    public static final String CONCLUDE = "concludeReview";
    public static final String REVIEWED = "reviewConcluded";

    private Elements() {}
  }

  public static final class Variables {
    /** Set by the contract: the clerk's draft, kept under the task's name. */
    public static final Variable<String> REVIEW_OUTCOME = TaskOutcome.outcomeOf(Elements.REVIEW);
    public static final Variable<String> REVIEW_OPINION = TaskOutcome.opinionOf(Elements.REVIEW);

    /** Out of the sign-off: why a signer returned the draft, for the clerk who redrafts. */
    public static final Variable<String> SIGN_OFF_RETURN_OPINION = SignOffProcess.Variables.RETURN_OPINION;
    /** Out of the supplementation: what the applicant sent, for the clerk who reviews. */
    public static final Variable<String> SUPPLEMENT_RECEIVED = SupplementationProcess.Variables.RECEIVED_SUMMARY;

    private Variables() {}
  }

  private SingleAgencyReviewProcess() {}
}
