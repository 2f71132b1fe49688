package org.caserouting.cases;

/** How an agent stands to the applicant they file for; the first two by their licence. */
public enum AgentRelation {
  LAND_SCRIVENER("地政士", "land scrivener", true),
  LAWYER("律師", "lawyer", true),
  FAMILY("家屬", "family member", false),
  OTHER("其他受任人", "another person the applicant mandated", false);

  private final String nameZh;
  private final String nameEn;
  private final boolean licensed;

  AgentRelation(String nameZh, String nameEn, boolean licensed) {
    this.nameZh = nameZh;
    this.nameEn = nameEn;
    this.licensed = licensed;
  }

  public String label() {
    return nameZh + " " + nameEn;
  }

  public boolean licensed() {
    return licensed;
  }
}
