package org.caserouting.cases;

public enum CaseEventKind {
  FORWARDED,
  RETURNED_TO_LOWER_AGENCY,
  SUPPLEMENT_REQUESTED,
  SUPPLEMENT_RECEIVED,
  WITHDRAWN_NO_SUPPLEMENT,
  REMINDER,
  OVERDUE_ESCALATED,
  CO_REVIEWER_ADDED,
  CO_REVIEWER_REMOVED,
  NO_RESPONSE,
  INSPECTION_FIXED,
  /** A field step (visit, hearing, review of items) arranged with the applicant: when and where. */
  FIELD_STEP_ARRANGED,
  /** Its findings recorded; or that it could not take place, and is arranged again. */
  FIELD_STEP_DONE,
  FIELD_STEP_MISSED,
  /** A task handed to a clerk by the agency's chief or director (分案), or taken back from one. */
  ASSIGNED,
  /** A task handed to an absent person's acting deputy (職務代理) at the start of the period, or back at its end. */
  ACTING_DEPUTY,
  /** The case moved to another version of its process, by a migration a second person approved. */
  MIGRATED,
  DECIDED
}
