package org.caserouting.tracking;

public enum NotificationKind {
  SUBMISSION_RECEIPT,
  DECISION
}
