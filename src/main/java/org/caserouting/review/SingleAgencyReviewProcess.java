package org.caserouting.review;

import org.caserouting.platform.Variable;
import org.caserouting.platform.engine.task.TaskOutcome;
import org.caserouting.signoff.SignOffProcess;

/**
 * processes/single-agency-review.bpmn: the receiving agency's clerk reviews and drafts, the
 * agency's signers sign off (processes/sign-off.bpmn). Outputs {@code decision} and
 * {@code decisionReason} to the caller.
 */
public final class SingleAgencyReviewProcess {

  public static final String KEY = "single-agency-review";

  public static final class Elements {
    public static final String REVIEW = "reviewByReceivingAgency";
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

    private Variables() {}
  }

  private SingleAgencyReviewProcess() {}
}
