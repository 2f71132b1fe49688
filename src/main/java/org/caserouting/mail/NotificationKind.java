package org.caserouting.mail;

public enum NotificationKind {
  SUBMISSION_RECEIPT,
  SUPPLEMENT_REQUEST,
  /** Three days before the supplement deadline, unless the documents came or the case closed. */
  SUPPLEMENT_REMINDER,
  WITHDRAWN,
  /** A field step arranged with the applicant: what, when and where. */
  FIELD_STEP,
  DECISION,
  /** A change reported at a counter (N合一), with its number for /track. */
  CHANGE_RECEIVED,
  /** Every agency told of a reported change (N合一) has answered. */
  CHANGE_COMPLETED,
  /** To staff: most of a task's time has passed. */
  TASK_REMINDER,
  /** To staff: a task is past its due date, for the section chief who follows it up. */
  TASK_OVERDUE,
  /** To staff: an open task of theirs moved to a new version of its process. */
  TASK_MOVED;

  /** Mail to the agencies' staff, never shown to the applicant and without the applicant's link. */
  public boolean toStaff() {
    return this == TASK_REMINDER || this == TASK_OVERDUE || this == TASK_MOVED;
  }
}
