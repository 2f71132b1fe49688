package org.caserouting.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

@Embeddable
public class RequiredDocument {

  @Column(name = "document_code", nullable = false)
  private String code;

  @Column(name = "name_zh", nullable = false)
  private String nameZh;

  @Column(name = "name_en", nullable = false)
  private String nameEn;

  @Enumerated(EnumType.STRING)
  @Column(name = "document_class", nullable = false)
  private DocumentClass documentClass;

  /**
   * The mandate (委任書) an agent files with: required of every application an agent files, whatever
   * its type (Administrative Procedure Act §24), so it is not listed per type in the catalog.
   */
  public static final RequiredDocument MANDATE =
      new RequiredDocument("MANDATE", "委任書", "Mandate (power of attorney)", DocumentClass.UPLOADABLE);

  protected RequiredDocument() {}

  public RequiredDocument(String code, String nameZh, String nameEn, DocumentClass documentClass) {
    this.code = code;
    this.nameZh = nameZh;
    this.nameEn = nameEn;
    this.documentClass = documentClass;
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

  public DocumentClass getDocumentClass() {
    return documentClass;
  }
}
