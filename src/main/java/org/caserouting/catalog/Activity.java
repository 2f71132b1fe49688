package org.caserouting.catalog;

/** Steps that keep a counter or field visit in an otherwise online case. */
public enum Activity {
  SITE_INSPECTION,
  PHYSICAL_ITEM_REVIEW,
  HOME_VISIT,
  IN_PERSON_HEARING
}
