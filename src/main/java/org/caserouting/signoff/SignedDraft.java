package org.caserouting.signoff;

/**
 * What a signer puts their name to besides their own words: the kind of decision drafted, its
 * reasons and conditions, and for the signing of joint-inspection minutes the minutes' text.
 */
public record SignedDraft(DecisionKind kind, String reasons, String conditions, String minutes) {

  public SignedDraft {
    reasons = blankToNull(reasons);
    conditions = blankToNull(conditions);
    minutes = blankToNull(minutes);
  }

  /** A decision's draft: its kind, reasons and conditions. */
  public static SignedDraft decision(DecisionKind kind, String reasons, String conditions) {
    return new SignedDraft(kind, reasons, conditions, null);
  }

  /** Minutes of a joint site inspection, signed by an attending agency. */
  public static SignedDraft minutes(String text) {
    return new SignedDraft(DecisionKind.MINUTES, null, null, text);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
