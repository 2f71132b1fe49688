package org.caserouting.review;

import org.caserouting.cases.Decision;

/** How a review ends: the decision and its reasons and conditions, as the applicant will read them. */
public record Conclusion(Decision decision, String reason) {

  /** The signed draft decides: approved when its outcome was APPROVE, otherwise rejected. */
  public static Conclusion of(boolean approved, String reason) {
    return new Conclusion(approved ? Decision.APPROVED : Decision.REJECTED, reason == null ? "" : reason.strip());
  }
}
