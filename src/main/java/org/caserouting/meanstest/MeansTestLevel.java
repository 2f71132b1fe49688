package org.caserouting.meanstest;

/** What the means test proposes: low income (社會救助法 §4), middle-low income (§4-1), or neither. */
public enum MeansTestLevel {
  LOW_INCOME("低收入戶", "Low income"),
  MIDDLE_LOW_INCOME("中低收入戶", "Middle-low income"),
  NOT_ELIGIBLE("不符資格", "Not eligible");

  private final String nameZh;
  private final String nameEn;

  MeansTestLevel(String nameZh, String nameEn) {
    this.nameZh = nameZh;
    this.nameEn = nameEn;
  }

  public String label() {
    return nameZh + " " + nameEn;
  }
}
