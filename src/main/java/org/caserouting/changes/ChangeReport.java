package org.caserouting.changes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.caserouting.catalog.District;

/** A change a citizen reported at one counter, to be passed on to every agency it concerns. */
@Entity
@Table(name = "change_report")
public class ChangeReport {

  public enum Status {
    /** Some agency has not answered yet. */
    IN_PROGRESS,
    /** Every agency told has answered (or its time ran out); the citizen has been told. */
    COMPLETED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Version
  private long version;

  @Column(name = "change_no")
  private String changeNo;

  @Enumerated(EnumType.STRING)
  @Column(name = "change_type")
  private ChangeType changeType;

  @Column(name = "subject_national_id")
  private String subjectNationalId;

  @Column(name = "subject_name")
  private String subjectName;

  @Column(name = "subject_email")
  private String subjectEmail;

  @Enumerated(EnumType.STRING)
  private District district;

  private String details;

  @Column(name = "receiving_agency")
  private String receivingAgency;

  @Column(name = "reported_by")
  private String reportedBy;

  @Column(name = "reported_at")
  private Instant reportedAt;

  @Enumerated(EnumType.STRING)
  private Status status;

  @Column(name = "completed_at")
  private Instant completedAt;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Column(name = "idempotency_key")
  private String idempotencyKey;

  @Column(name = "request_hash")
  private String requestHash;

  protected ChangeReport() {}

  ChangeReport(
      String changeNo, ReportChangeRequest request, String reportedBy, Instant reportedAt, String idempotencyKey,
      String requestHash) {
    this.changeNo = changeNo;
    this.changeType = request.changeType();
    this.subjectNationalId = request.subject().nationalId();
    this.subjectName = request.subject().name();
    this.subjectEmail = request.subject().email();
    this.district = request.district();
    this.details = request.details();
    this.receivingAgency = request.receivingAgency();
    this.reportedBy = reportedBy;
    this.reportedAt = reportedAt;
    this.status = Status.IN_PROGRESS;
    this.idempotencyKey = idempotencyKey;
    this.requestHash = requestHash;
  }

  public District getDistrict() {
    return district;
  }

  void attachProcess(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  void complete(Instant at) {
    this.status = Status.COMPLETED;
    this.completedAt = at;
  }

  public String getChangeNo() {
    return changeNo;
  }

  public ChangeType getChangeType() {
    return changeType;
  }

  public String getSubjectNationalId() {
    return subjectNationalId;
  }

  public String getSubjectName() {
    return subjectName;
  }

  public String getSubjectEmail() {
    return subjectEmail;
  }

  public String getDetails() {
    return details;
  }

  public String getReceivingAgency() {
    return receivingAgency;
  }

  public String getReportedBy() {
    return reportedBy;
  }

  public Instant getReportedAt() {
    return reportedAt;
  }

  public Status getStatus() {
    return status;
  }

  public Instant getCompletedAt() {
    return completedAt;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public String getRequestHash() {
    return requestHash;
  }

  public String getIdempotencyKey() {
    return idempotencyKey;
  }
}
