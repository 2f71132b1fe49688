package org.caserouting.review;

/** Why an agency takes part in a joint review. */
public enum CoReviewSource {
  /** The case type lists it. */
  CATALOG,
  /** dmn/co-review.dmn added it from the application's facts. */
  RULE,
  /** The lead clerk added it, with a recorded reason. */
  ADDED_BY_LEAD
}
