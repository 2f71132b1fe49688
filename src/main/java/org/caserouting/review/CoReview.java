package org.caserouting.review;

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
import org.caserouting.platform.WorkingDayCalendar;
import org.caserouting.platform.Refusal;

/**
 * One co-reviewing agency's part in a joint review (會辦): why it takes part and what it answered.
 * Each agency's answer is its own row, so two agencies answering at once cannot overwrite each other.
 */
@Entity
@Table(name = "co_review")
public class CoReview {

  /** Recorded for an agency that stayed silent past its due date and the grace after it. */
  public static final String NO_RESPONSE = "NO_RESPONSE";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Version
  private long version;

  @Column(name = "application_no", nullable = false)
  private String applicationNo;

  @Column(nullable = false)
  private String agency;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private CoReviewSource source;

  @Column(name = "source_reason")
  private String sourceReason;

  @Column(name = "removed_reason")
  private String removedReason;

  @Column(name = "due_at")
  private Instant dueAt;

  /** When the agency was asked: its co-review task was opened. */
  @Column(name = "asked_at")
  private Instant askedAt;

  /** Working days from being asked to answering, for the oversight reports. */
  @Column(name = "response_working_days")
  private Integer responseWorkingDays;

  private String outcome;
  private String opinion;
  private String conditions;

  @Column(name = "legal_basis")
  private String legalBasis;

  private String findings;

  @Column(name = "answered_by")
  private String answeredBy;

  @Column(name = "answered_at")
  private Instant answeredAt;

  @Column(name = "inspection_answer")
  private String inspectionAnswer;

  @Column(name = "inspection_proposed_at")
  private String inspectionProposedAt;

  protected CoReview() {}

  CoReview(String applicationNo, String agency, CoReviewSource source, String sourceReason) {
    this.applicationNo = applicationNo;
    this.agency = agency;
    this.source = source;
    this.sourceReason = sourceReason;
  }

  boolean isActive() {
    return removedReason == null;
  }

  void remove(String reason) {
    this.removedReason = reason;
  }

  void restore(CoReviewSource source, String reason) {
    this.removedReason = null;
    this.source = source;
    this.sourceReason = reason;
  }

  void open(Instant due, Instant at) {
    this.dueAt = due;
    this.askedAt = at;
  }

  void answer(String outcome, String opinion, String conditions, String legalBasis, String findings, String by, Instant at,
      WorkingDayCalendar calendar) {
    if (answeredAt != null) {
      // Each agency answers once; nobody, through any door, writes over an answer given.
      throw new Refusal(agency + " 已表示意見 has already answered this joint review.");
    }
    this.outcome = outcome;
    this.opinion = opinion;
    this.conditions = conditions;
    this.legalBasis = legalBasis;
    this.findings = findings;
    this.answeredBy = by;
    this.answeredAt = at;
    if (askedAt != null && !NO_RESPONSE.equals(outcome)) {
      this.responseWorkingDays = calendar.workingDaysBetween(calendar.dateOf(askedAt), calendar.dateOf(at));
    }
  }

  void answerInspection(String answer, String proposedAt) {
    this.inspectionAnswer = answer;
    this.inspectionProposedAt = proposedAt;
  }

  public String getApplicationNo() {
    return applicationNo;
  }

  public String getAgency() {
    return agency;
  }

  public CoReviewSource getSource() {
    return source;
  }

  public String getSourceReason() {
    return sourceReason;
  }

  public String getRemovedReason() {
    return removedReason;
  }

  public Instant getDueAt() {
    return dueAt;
  }

  public String getOutcome() {
    return outcome;
  }

  public String getOpinion() {
    return opinion;
  }

  public String getConditions() {
    return conditions;
  }

  public String getLegalBasis() {
    return legalBasis;
  }

  public String getFindings() {
    return findings;
  }

  public String getAnsweredBy() {
    return answeredBy;
  }

  public Instant getAnsweredAt() {
    return answeredAt;
  }

  public String getInspectionAnswer() {
    return inspectionAnswer;
  }

  public String getInspectionProposedAt() {
    return inspectionProposedAt;
  }
}
