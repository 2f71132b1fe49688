package org.caserouting.cases;

/** The land-use zone of an application's site, as far as the applicant or counter knows it. */
public enum SiteZone {
  RESIDENTIAL,
  COMMERCIAL,
  INDUSTRIAL,
  AGRICULTURAL,
  /** 山坡地: slope land, with its own safety rules. */
  HILLSIDE,
  /** Within the restricted zone along an MRT line (捷運禁限建範圍). */
  MRT_RESTRICTED
}
