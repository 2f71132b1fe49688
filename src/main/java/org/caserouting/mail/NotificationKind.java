package org.caserouting.mail;

public enum NotificationKind {
  SUBMISSION_RECEIPT,
  SUPPLEMENT_REQUEST,
  /** Three days before the supplement deadline, unless the documents came or the case closed. */
  SUPPLEMENT_REMINDER,
  WITHDRAWN,
  DECISION,
  /** A change reported at a counter (N合一), with its number for /track. */
  CHANGE_RECEIVED,
  /** Every agency told of a reported change (N合一) has answered. */
  CHANGE_COMPLETED
}
