package org.caserouting.intake;

public enum Decision {
  APPROVED,
  REJECTED
}
