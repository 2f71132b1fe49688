package org.caserouting.meanstest;

/**
 * Why a clerk leaves a person out of the household counted (社會救助法 §5 III). The clerk names
 * the ground and writes the reason; both go on the record and under the sign-off. The list follows
 * the paragraph's grounds as we read them; check each against the Act's current text
 * (全國法規資料庫, 社會救助法第5條) before relying on it.
 */
public enum Exclusion {
  FOREIGN_SPOUSE_NOT_REGISTERED("尚未設有戶籍之非本國籍配偶或大陸地區配偶", "A foreign or mainland spouse not yet registered"),
  MILITARY_SERVICE("服兵役或替代役現役", "In military or alternative service"),
  PUBLICLY_FUNDED_STUDENT("在學領有公費", "A student on public funding"),
  IMPRISONED_OR_DETAINED("入獄服刑、因案羈押或依法拘禁", "Serving a sentence, detained or held by law"),
  MISSING("失蹤，經報警協尋未獲達六個月以上", "Missing for six months or more, reported to the police"),
  NO_SUPPORT_IN_FACT("未履行扶養義務，經訪視評估不列入為宜", "Gives no support in fact; a visit found it best to leave them out");

  private final String nameZh;
  private final String nameEn;

  Exclusion(String nameZh, String nameEn) {
    this.nameZh = nameZh;
    this.nameEn = nameEn;
  }

  public String label() {
    return nameZh + " " + nameEn;
  }
}
