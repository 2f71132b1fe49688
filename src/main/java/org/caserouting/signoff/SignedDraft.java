package org.caserouting.signoff;

/**
 * What a signer puts their name to besides their own words: the kind of decision drafted, its
 * reasons and conditions, and for the signing of joint-inspection minutes the minutes' text; and
 * what the system computed and the clerk settled for the case ({@link DraftFacts}: the means test
 * with the clerk's adjustments), so that a signer vouches for those figures too.
 */
public record SignedDraft(DecisionKind kind, String reasons, String conditions, String minutes, String facts) {

  public SignedDraft {
    reasons = blankToNull(reasons);
    conditions = blankToNull(conditions);
    minutes = blankToNull(minutes);
    facts = blankToNull(facts);
  }

  /** A decision's draft: its kind, reasons and conditions. */
  public static SignedDraft decision(DecisionKind kind, String reasons, String conditions) {
    return new SignedDraft(kind, reasons, conditions, null, null);
  }

  /** Minutes of a joint site inspection, signed by an attending agency. */
  public static SignedDraft minutes(String text) {
    return new SignedDraft(DecisionKind.MINUTES, null, null, text, null);
  }

  /** The draft with the case's settled facts beside it. */
  SignedDraft withFacts(String settled) {
    return new SignedDraft(kind, reasons, conditions, minutes, settled);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
