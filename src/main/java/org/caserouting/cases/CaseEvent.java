package org.caserouting.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Something that happened to a case that people may ask about later. */
@Entity
@Table(name = "case_event")
public class CaseEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "application_no", nullable = false)
  private String applicationNo;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private CaseEventKind kind;

  private String agency;

  private String detail;

  protected CaseEvent() {}

  CaseEvent(String applicationNo, Instant occurredAt, CaseEventKind kind, String agency, String detail) {
    this.applicationNo = applicationNo;
    this.occurredAt = occurredAt;
    this.kind = kind;
    this.agency = agency;
    this.detail = detail;
  }

  public String getApplicationNo() {
    return applicationNo;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public CaseEventKind getKind() {
    return kind;
  }

  public String getAgency() {
    return agency;
  }

  public String getDetail() {
    return detail;
  }
}
