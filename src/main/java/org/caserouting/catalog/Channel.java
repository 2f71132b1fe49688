package org.caserouting.catalog;

/** How far an application type can be handled online (全程式網路申辦 or not). */
public enum Channel {
  FULLY_ONLINE,
  ONLINE_WITH_FIELD_STEP,
  COUNTER_ONLY
}
