package org.caserouting.migration;

/** Where a migration of running cases stands. */
public enum MigrationStatus {
  AWAITING_APPROVAL("待核准", "Awaiting approval"),
  REFUSED("不核准", "Refused"),
  RUNNING("執行中", "Running"),
  DONE("完成", "Done");

  private final String nameZh;
  private final String nameEn;

  MigrationStatus(String nameZh, String nameEn) {
    this.nameZh = nameZh;
    this.nameEn = nameEn;
  }

  public String nameZh() {
    return nameZh;
  }

  public String nameEn() {
    return nameEn;
  }

  public String label() {
    return nameZh + " " + nameEn;
  }
}
