package org.caserouting.tracking;

public enum NotificationKind {
  SUBMISSION_RECEIPT,
  SUPPLEMENT_REQUEST,
  WITHDRAWN,
  DECISION
}
