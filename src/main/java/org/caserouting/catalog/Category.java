package org.caserouting.catalog;

/**
 * The 17 categories of the city's table of cross-agency application types. The two-letter
 * code is part of every application number (2026-SW-000123).
 */
public enum Category {
  INDUSTRIAL_DEVELOPMENT("IN", "產業發展", "Industrial development"),
  LAND_ADMINISTRATION("LA", "地政", "Land administration"),
  DISTRICT_ADMINISTRATION("DA", "區政", "District administration"),
  FINANCE("FI", "財政", "Finance"),
  URBAN_DEVELOPMENT("UD", "都市發展", "Urban development"),
  SOCIAL_WELFARE("SW", "社政", "Social welfare"),
  CIVIL_AFFAIRS("CA", "民政", "Civil affairs"),
  CONSCRIPTION("CS", "役政", "Conscription"),
  TRANSPORTATION("TR", "交通", "Transportation"),
  HEALTH("HE", "衛生", "Health"),
  EDUCATION("ED", "教育", "Education"),
  ENVIRONMENTAL_PROTECTION("EP", "環保", "Environmental protection"),
  TOURISM_INFORMATION("TI", "觀光傳播", "Tourism and information"),
  PUBLIC_WORKS("PW", "工務", "Public works"),
  FIRE("FD", "消防", "Fire"),
  MASS_RAPID_TRANSIT("MR", "捷運", "Mass rapid transit"),
  POLICE("PO", "警政", "Police");

  private final String code;
  private final String nameZh;
  private final String nameEn;

  Category(String code, String nameZh, String nameEn) {
    this.code = code;
    this.nameZh = nameZh;
    this.nameEn = nameEn;
  }

  public String code() {
    return code;
  }

  public String nameZh() {
    return nameZh;
  }

  public String nameEn() {
    return nameEn;
  }
}
