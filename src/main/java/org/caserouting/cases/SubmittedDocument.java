package org.caserouting.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.caserouting.catalog.DocumentClass;

@Embeddable
public class SubmittedDocument {

  @Enumerated(EnumType.STRING)
  @Column(name = "document_class", nullable = false)
  private DocumentClass documentClass;

  @Column(nullable = false)
  private String title;

  protected SubmittedDocument() {}

  public SubmittedDocument(DocumentClass documentClass, String title) {
    this.documentClass = documentClass;
    this.title = title;
  }

  public DocumentClass getDocumentClass() {
    return documentClass;
  }

  public String getTitle() {
    return title;
  }
}
