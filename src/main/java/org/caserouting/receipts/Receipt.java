package org.caserouting.receipts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** A signed receipt or decision as issued: the compact JWS the applicant and agencies hold. */
@Entity
@Immutable
@Table(name = "receipt")
public class Receipt {

  public enum Kind {
    SUBMISSION,
    DECISION
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "application_no", nullable = false) private String applicationNo;
  @Enumerated(EnumType.STRING) @Column(nullable = false) private Kind kind;
  @Column(name = "issued_at", nullable = false) private Instant issuedAt;
  @Column(name = "content_hash", nullable = false) private String contentHash;
  @Column(nullable = false) private String jws;

  protected Receipt() {}

  Receipt(String applicationNo, Kind kind, Instant issuedAt, String contentHash, String jws) {
    this.applicationNo = applicationNo;
    this.kind = kind;
    this.issuedAt = issuedAt;
    this.contentHash = contentHash;
    this.jws = jws;
  }

  public String getApplicationNo() { return applicationNo; }
  public Kind getKind() { return kind; }
  public Instant getIssuedAt() { return issuedAt; }
  public String getContentHash() { return contentHash; }
  public String getJws() { return jws; }
}
