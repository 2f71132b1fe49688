package org.caserouting.review;

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

  private SingleAgencyReviewProcess() {}
}
