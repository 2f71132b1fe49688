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
