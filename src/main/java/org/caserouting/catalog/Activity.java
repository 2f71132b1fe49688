package org.caserouting.catalog;

/** Steps that keep a counter or field visit in an otherwise online case. */
public enum Activity {
  SITE_INSPECTION("現場會勘", "a site inspection"),
  PHYSICAL_ITEM_REVIEW("實物或圖說審查", "a review of physical items"),
  HOME_VISIT("家庭訪視", "a home visit"),
  IN_PERSON_HEARING("到場說明", "an in-person hearing");

  private final String nameZh;
  private final String nameEn;

  Activity(String nameZh, String nameEn) {
    this.nameZh = nameZh;
    this.nameEn = nameEn;
  }

  public String nameZh() {
    return nameZh;
  }

  public String nameEn() {
    return nameEn;
  }

  /** Activities as the clerk's form and the applicant's mail name them: "家庭訪視 / a home visit". */
  public static String describe(java.util.Set<Activity> activities) {
    return activities.stream().map(Activity::nameZh).collect(java.util.stream.Collectors.joining("、")) + " / "
        + activities.stream().map(Activity::nameEn).collect(java.util.stream.Collectors.joining(", "));
  }
}
