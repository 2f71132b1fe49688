package org.caserouting.meanstest;

/** How a person of the household registration is related to the applicant. */
public enum Relation {
  SPOUSE("配偶", "Spouse", true),
  PARENT("父母", "Parent", true),
  CHILD("子女", "Child", true),
  GRANDPARENT("祖父母", "Grandparent", false),
  GRANDCHILD("孫子女", "Grandchild", false),
  SIBLING("兄弟姊妹", "Sibling", false),
  OTHER("其他", "Other", false);

  private final String nameZh;
  private final String nameEn;
  private final boolean spouseOrFirstDegree;

  Relation(String nameZh, String nameEn, boolean spouseOrFirstDegree) {
    this.nameZh = nameZh;
    this.nameEn = nameEn;
    this.spouseOrFirstDegree = spouseOrFirstDegree;
  }

  /** The spouse and lineal relatives of the first degree: counted wherever they are registered. */
  boolean spouseOrFirstDegree() {
    return spouseOrFirstDegree;
  }

  /** Lineal relatives further off: counted when registered or living with the applicant. */
  boolean otherLineal() {
    return this == GRANDPARENT || this == GRANDCHILD;
  }

  /**
   * The relation as the household registration's answer codes it; a code we do not know is
   * {@link #OTHER}, which §5 does not count unless the person claims the household as dependants.
   */
  public static Relation fromRegistry(String code) {
    for (Relation relation : values()) {
      if (relation.name().equals(code)) {
        return relation;
      }
    }
    return OTHER;
  }

  public String label() {
    return nameZh + " " + nameEn;
  }
}
