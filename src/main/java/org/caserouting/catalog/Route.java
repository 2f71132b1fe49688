package org.caserouting.catalog;

/** Which agencies take part: one, up a vertical chain, side by side, or side by side then up. */
public enum Route {
  SINGLE_AGENCY,
  VERTICAL,
  HORIZONTAL,
  HORIZONTAL_THEN_VERTICAL
}
