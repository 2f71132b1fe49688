package org.caserouting.intake;

/** Where an application is, as the applicant is told. */
public enum ApplicationStatus {
  /** Accepted, and some agency is working on it. */
  IN_REVIEW,
  /** Decided: approved or rejected. */
  DECIDED
}
