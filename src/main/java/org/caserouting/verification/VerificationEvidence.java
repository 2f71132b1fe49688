package org.caserouting.verification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.caserouting.platform.Sha256;
import org.hibernate.annotations.Immutable;

/**
 * Evidence of one query to another agency, or of one refusal to query: what was asked, why, by
 * whom, and fingerprints of what went over the wire. Rows are only ever added, each chained to
 * the previous row of the same application.
 */
@Entity
@Immutable
@Table(name = "verification_evidence")
public class VerificationEvidence {

  /** The step of the evidence of a change passed on to an agency online (N合一), rather than a query. */
  public static final String CHANGE_NOTIFICATION_STEP = "changeNotification";

  /**
   * An exchange with an agency before it is made: for which case and step, who asks, whom, why and
   * for what. Its outcome makes it {@link Facts}, the one way verification and changes record evidence.
   */
  public record Query(
      String caseNo,
      String step,
      String requestingAgency,
      String userId,
      String service,
      String sourceAgency,
      String purpose,
      String fields) {

    /** The agency answered (or said it holds nothing: {@link EvidenceOutcome#NOT_FOUND}). */
    public Facts answered(Instant at, String xroadId, XRoadClient.Exchange exchange, EvidenceOutcome outcome) {
      return facts(at, xroadId, exchange.requestSha256(), exchange.responseSha256(), exchange.status(),
          exchange.durationMs(), outcome);
    }

    /** The source agency's clerk answered a contact slip; the fingerprint is of the answer's text. */
    public Facts answeredByClerk(Instant at, String answerSha256) {
      return facts(at, null, null, answerSha256, null, null, EvidenceOutcome.ANSWERED_BY_CLERK);
    }

    /** The agency gave no usable answer. */
    public Facts failed(Instant at, String xroadId) {
      return facts(at, xroadId, null, null, null, null, EvidenceOutcome.FAILED);
    }

    /** The query was not made, for this reason. */
    public Facts refused(Instant at, EvidenceOutcome why) {
      return facts(at, null, null, null, null, null, why);
    }

    private Facts facts(Instant at, String xroadId, String requestSha256, String responseSha256, Integer status,
        Long durationMs, EvidenceOutcome outcome) {
      // the database keeps microseconds; the chain's hash must see what it will read back
      return new Facts(caseNo, at.truncatedTo(ChronoUnit.MICROS), step, requestingAgency, userId, service, sourceAgency,
          purpose, fields, xroadId, requestSha256, responseSha256, status, durationMs, outcome);
    }
  }

  /** The facts of one query or refusal, as recorded. */
  public record Facts(
      String applicationNo,
      Instant occurredAt,
      String step,
      String requestingAgency,
      String userId,
      String service,
      String sourceAgency,
      String purpose,
      String fields,
      String xroadId,
      String requestSha256,
      String responseSha256,
      Integer httpStatus,
      Long durationMs,
      EvidenceOutcome outcome) {}

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "application_no", nullable = false) private String applicationNo;
  @Column(nullable = false) private int seq;
  @Column(name = "occurred_at", nullable = false) private Instant occurredAt;
  @Column(nullable = false) private String step;
  @Column(name = "requesting_agency", nullable = false) private String requestingAgency;
  @Column(name = "user_id", nullable = false) private String userId;
  @Column(nullable = false) private String service;
  @Column(name = "source_agency", nullable = false) private String sourceAgency;
  @Column(nullable = false) private String purpose;
  @Column(nullable = false) private String fields;
  @Column(name = "xroad_id") private String xroadId;
  @Column(name = "request_sha256") private String requestSha256;
  @Column(name = "response_sha256") private String responseSha256;
  @Column(name = "http_status") private Integer httpStatus;
  @Column(name = "duration_ms") private Long durationMs;
  @Enumerated(EnumType.STRING) @Column(nullable = false) private EvidenceOutcome outcome;
  @Column(name = "previous_hash") private String previousHash;
  @Column(nullable = false) private String hash;

  protected VerificationEvidence() {}

  VerificationEvidence(Facts facts, int seq, String previousHash) {
    this.applicationNo = facts.applicationNo();
    this.seq = seq;
    this.occurredAt = facts.occurredAt();
    this.step = facts.step();
    this.requestingAgency = facts.requestingAgency();
    this.userId = facts.userId();
    this.service = facts.service();
    this.sourceAgency = facts.sourceAgency();
    this.purpose = facts.purpose();
    this.fields = facts.fields();
    this.xroadId = facts.xroadId();
    this.requestSha256 = facts.requestSha256();
    this.responseSha256 = facts.responseSha256();
    this.httpStatus = facts.httpStatus();
    this.durationMs = facts.durationMs();
    this.outcome = facts.outcome();
    this.previousHash = previousHash;
    this.hash = computeHash();
  }

  String computeHash() {
    return Sha256.ofFields(
        "verification-evidence/v1", applicationNo, seq, occurredAt, step, requestingAgency, userId, service,
        sourceAgency, purpose, fields, xroadId, requestSha256, responseSha256, httpStatus, durationMs, outcome,
        previousHash);
  }

  public String getApplicationNo() { return applicationNo; }
  public int getSeq() { return seq; }
  public Instant getOccurredAt() { return occurredAt; }
  public String getStep() { return step; }
  public String getRequestingAgency() { return requestingAgency; }
  public String getUserId() { return userId; }
  public String getService() { return service; }
  public String getSourceAgency() { return sourceAgency; }
  public String getPurpose() { return purpose; }
  public String getFields() { return fields; }
  public String getXroadId() { return xroadId; }
  public String getRequestSha256() { return requestSha256; }
  public String getResponseSha256() { return responseSha256; }
  public Integer getHttpStatus() { return httpStatus; }
  public Long getDurationMs() { return durationMs; }
  public EvidenceOutcome getOutcome() { return outcome; }
  public String getPreviousHash() { return previousHash; }
  public String getHash() { return hash; }
}
