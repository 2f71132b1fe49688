package org.caserouting.verification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** What an agency answered, kept with the application rather than in the engine. */
@Entity
@Table(name = "verification_result")
public class VerificationResult {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "application_no", nullable = false) private String applicationNo;
  @Column(nullable = false) private String service;
  @Column(name = "subject_ref", nullable = false) private String subjectRef;
  @Column(name = "fetched_at", nullable = false) private Instant fetchedAt;
  @Column(nullable = false) private String body;
  @Column(name = "evidence_seq") private Integer evidenceSeq;

  protected VerificationResult() {}

  VerificationResult(String applicationNo, String service, String subjectRef, Instant fetchedAt, String body,
      Integer evidenceSeq) {
    this(applicationNo, service, subjectRef, fetchedAt, body);
    this.evidenceSeq = evidenceSeq;
  }

  VerificationResult(String applicationNo, String service, String subjectRef, Instant fetchedAt, String body) {
    this.applicationNo = applicationNo;
    this.service = service;
    this.subjectRef = subjectRef;
    this.fetchedAt = fetchedAt;
    this.body = body;
  }

  public String getApplicationNo() { return applicationNo; }
  public String getService() { return service; }
  public String getSubjectRef() { return subjectRef; }
  public Instant getFetchedAt() { return fetchedAt; }
  public String getBody() { return body; }
  /** The query's number in the case's evidence chain, for an agency's answer; none for a person's. */
  public Integer getEvidenceSeq() { return evidenceSeq; }
}
