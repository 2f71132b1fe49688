package org.caserouting.supplementation;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.caserouting.cases.SubmittedDocument;

/** One request to the applicant for missing documents (補正), open until answered or withdrawn. */
@Entity
@Table(name = "supplement_request")
public class SupplementRequest {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "application_no", nullable = false)
  private String applicationNo;

  @Column(nullable = false)
  private String agency;

  @Column(nullable = false)
  private String missing;

  @Column(name = "requested_at", nullable = false)
  private Instant requestedAt;

  @Column(nullable = false)
  private Instant deadline;

  @Column(name = "received_at")
  private Instant receivedAt;

  @Column(name = "paused_working_days")
  private Integer pausedWorkingDays;

  @Column(name = "withdrawn_at")
  private Instant withdrawnAt;

  @ElementCollection
  @CollectionTable(name = "supplement_document", joinColumns = @JoinColumn(name = "supplement_request_id"))
  @OrderColumn(name = "position")
  private List<SubmittedDocument> documents = new ArrayList<>();

  protected SupplementRequest() {}

  SupplementRequest(String applicationNo, String agency, String missing, Instant requestedAt, Instant deadline) {
    this.applicationNo = applicationNo;
    this.agency = agency;
    this.missing = missing;
    this.requestedAt = requestedAt;
    this.deadline = deadline;
  }

  boolean isOpen() {
    return receivedAt == null && withdrawnAt == null;
  }

  void receive(List<SubmittedDocument> supplied, Instant at, int pausedWorkingDays) {
    this.documents.addAll(supplied);
    this.receivedAt = at;
    this.pausedWorkingDays = pausedWorkingDays;
  }

  void withdraw(Instant at) {
    this.withdrawnAt = at;
  }

  public String getApplicationNo() {
    return applicationNo;
  }

  public String getAgency() {
    return agency;
  }

  public String getMissing() {
    return missing;
  }

  public Instant getRequestedAt() {
    return requestedAt;
  }

  public Instant getDeadline() {
    return deadline;
  }

  public Instant getReceivedAt() {
    return receivedAt;
  }

  public Integer getPausedWorkingDays() {
    return pausedWorkingDays;
  }

  public Instant getWithdrawnAt() {
    return withdrawnAt;
  }

  public List<SubmittedDocument> getDocuments() {
    return List.copyOf(documents);
  }
}
