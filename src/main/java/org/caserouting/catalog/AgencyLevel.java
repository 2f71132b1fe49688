package org.caserouting.catalog;

/** Where an agency stands in a vertical chain: district offices at the bottom, ministries at the top. */
public enum AgencyLevel {
  DISTRICT,
  CITY,
  CENTRAL
}
