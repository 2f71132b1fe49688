package org.caserouting.catalog;

/**
 * Who may file an application of a type: a person for themselves, a company or organisation
 * through its representative, or an agent (代理人) acting for either with a mandate (委任書).
 */
public enum ApplicantKind {
  PERSON("自然人", "a person"),
  ORGANISATION("法人或團體", "a company or organisation"),
  AGENT("代理人", "an agent acting for the applicant");

  private final String nameZh;
  private final String nameEn;

  ApplicantKind(String nameZh, String nameEn) {
    this.nameZh = nameZh;
    this.nameEn = nameEn;
  }

  public String nameZh() {
    return nameZh;
  }

  public String nameEn() {
    return nameEn;
  }
}
