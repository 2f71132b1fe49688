package org.caserouting.catalog;

/** How a required document can be supplied; decides, with the activities, the online channel. */
public enum DocumentClass {
  /** A government database shows it; the applicant attaches nothing. */
  GOV_DB_VERIFIABLE,
  /** A scan is acceptable. */
  UPLOADABLE,
  /** The law fixes a paper original or a seal. */
  ORIGINAL_REQUIRED,
  /** The applicant must appear in person. */
  IN_PERSON_IDENTITY
}
