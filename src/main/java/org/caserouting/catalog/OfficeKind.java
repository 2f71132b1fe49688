package org.caserouting.catalog;

/**
 * What a district-level office does: offices of one kind serve different districts the same way,
 * so one may receive an application meant for another (跨區受理); offices of different kinds may not.
 */
public enum OfficeKind {
  /** 區公所 */
  DISTRICT_OFFICE,
  /** 戶政事務所 */
  HOUSEHOLD_REGISTRATION,
  /** 地政事務所 */
  LAND_OFFICE
}
