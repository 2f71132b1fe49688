package org.caserouting.cases;

public enum Decision {
  APPROVED,
  REJECTED
}
