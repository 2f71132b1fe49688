package org.caserouting.catalog;

/** How a required document can be supplied; decides, with the activities, the online channel. */
public enum DocumentClass {
  /** A government database shows it; the applicant attaches nothing. */
  GOV_DB_VERIFIABLE("機關資料庫查證", "verified with the holding agency"),
  /** A scan is acceptable. */
  UPLOADABLE("上傳影本", "scan uploaded"),
  /** The law fixes a paper original or a seal. */
  ORIGINAL_REQUIRED("須繳正本", "paper original required"),
  /** The applicant must appear in person. */
  IN_PERSON_IDENTITY("須親自到場", "in person");

  private final String nameZh;
  private final String nameEn;

  DocumentClass(String nameZh, String nameEn) {
    this.nameZh = nameZh;
    this.nameEn = nameEn;
  }

  /** As a clerk reads it: "上傳影本 scan uploaded". */
  public String label() {
    return nameZh + " " + nameEn;
  }
}
