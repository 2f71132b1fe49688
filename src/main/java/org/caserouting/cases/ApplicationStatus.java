package org.caserouting.cases;

/** Where an application is, as the applicant is told. */
public enum ApplicationStatus {
  /** Accepted and stored; the case starts right after the answer and is on its way to its first agency. */
  RECEIVED,
  /** Accepted, and some agency is working on it. */
  IN_REVIEW,
  /** Waiting for the applicant to supply what is missing (補正); the processing clock is paused. */
  SUPPLEMENT_REQUESTED,
  /** Decided: approved or rejected. */
  DECIDED,
  /** Closed because the applicant did not supply what was missing in time. */
  WITHDRAWN_NO_SUPPLEMENT
}
