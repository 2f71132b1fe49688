package org.caserouting.catalog;

/**
 * How a type received by rule finds its receiving office (catalog/districts.yaml): the district
 * office of the site's district, or of the applicant's registered household, or the land office of
 * the parcel's district.
 */
public enum ReceivedBy {
  SITE_DISTRICT_OFFICE("基地或事故所在地區公所", "the district office of the site's district", "site.district"),
  HOUSEHOLD_DISTRICT_OFFICE("戶籍所在地區公所", "the district office of the applicant's registered district",
      "applicant.registeredDistrict"),
  PARCEL_LAND_OFFICE("土地所在地政事務所", "the land office of the parcel's district", "site.district");

  private final String nameZh;
  private final String nameEn;
  private final String districtField;

  ReceivedBy(String nameZh, String nameEn, String districtField) {
    this.nameZh = nameZh;
    this.nameEn = nameEn;
    this.districtField = districtField;
  }

  public String nameZh() {
    return nameZh;
  }

  public String nameEn() {
    return nameEn;
  }

  /** What the applicant is told when the district this rule reads is missing. */
  public String districtMissing() {
    return "必填：此類別由" + nameZh + "受理 is required: this type is received by " + nameEn;
  }

  /** The request's field that names the district this rule reads. */
  public String districtField() {
    return districtField;
  }
}
