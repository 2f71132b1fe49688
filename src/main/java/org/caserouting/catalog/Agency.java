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

  @Enumerated(EnumType.STRING)
  private OfficeKind kind;

  protected Agency() {}

  public Agency(String code) {
    this.code = code;
  }

  void update(String nameZh, String nameEn, AgencyLevel level, String parentCode, OfficeKind kind) {
    this.nameZh = nameZh;
    this.nameEn = nameEn;
    this.level = level;
    this.parentCode = parentCode;
    this.kind = kind;
  }

  /**
   * Offices of one kind under one department (two district offices, two land offices) may receive
   * each other's applications. A household registration office is not a district office, and two
   * city departments are not interchangeable: an agency without a kind has no sibling.
   */
  public boolean isSiblingOf(Agency other) {
    return kind != null && kind == other.kind && level == other.level
        && java.util.Objects.equals(parentCode, other.parentCode);
  }

  public OfficeKind getKind() {
    return kind;
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
