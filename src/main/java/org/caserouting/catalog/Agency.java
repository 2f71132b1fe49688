package org.caserouting.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "agency")
public class Agency {

  @Id
  private String code;

  @Column(name = "name_zh", nullable = false)
  private String nameZh;

  @Column(name = "name_en", nullable = false)
  private String nameEn;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private AgencyLevel level;

  @Column(name = "parent_code")
  private String parentCode;

  protected Agency() {}

  public Agency(String code) {
    this.code = code;
  }

  void update(String nameZh, String nameEn, AgencyLevel level, String parentCode) {
    this.nameZh = nameZh;
    this.nameEn = nameEn;
    this.level = level;
    this.parentCode = parentCode;
  }

  /** Offices of the same kind (e.g. two district offices) may receive each other's applications. */
  public boolean isSiblingOf(Agency other) {
    return level == other.level && java.util.Objects.equals(parentCode, other.parentCode);
  }

  public String getCode() {
    return code;
  }

  public String getNameZh() {
    return nameZh;
  }

  public String getNameEn() {
    return nameEn;
  }

  public AgencyLevel getLevel() {
    return level;
  }

  public String getParentCode() {
    return parentCode;
  }
}
