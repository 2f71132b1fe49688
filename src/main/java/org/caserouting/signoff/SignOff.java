package org.caserouting.signoff;

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

/** One signature in an application's sign-off chain. Rows are only ever added. */
@Entity
@Immutable
@Table(name = "sign_off")
public class SignOff {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "application_no", nullable = false)
  private String applicationNo;

  @Column(nullable = false)
  private int seq;

  @Column(nullable = false)
  private int level;

  @Column(nullable = false)
  private String agency;

  @Column(nullable = false)
  private String role;

  @Column(name = "user_id", nullable = false)
  private String userId;

  /** The absent colleague this signer signed for as their deputy (職務代理), or null. */
  @Column(name = "acting_for")
  private String actingFor;

  @Column(name = "signed_at", nullable = false)
  private Instant signedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "decision_kind", nullable = false)
  private DecisionKind decisionKind;

  @Column(nullable = false)
  private String outcome;

  @Column(nullable = false)
  private String opinion;

  @Column(name = "draft_reasons")
  private String draftReasons;

  @Column(name = "draft_conditions")
  private String draftConditions;

  @Column
  private String minutes;

  @Column
  private String facts;

  @Column(name = "hash_version", nullable = false)
  private int hashVersion;

  @Column(name = "previous_hash")
  private String previousHash;

  @Column(nullable = false)
  private String hash;

  protected SignOff() {}

  SignOff(SignOffContent content, String previousHash) {
    this.hashVersion = content.version();
    this.applicationNo = content.applicationNo();
    this.seq = content.seq();
    this.level = content.level();
    this.agency = content.agency();
    this.role = content.role();
    this.userId = content.userId();
    this.actingFor = content.actingFor();
    this.signedAt = content.signedAt();
    this.decisionKind = content.draft().kind();
    this.draftReasons = content.draft().reasons();
    this.draftConditions = content.draft().conditions();
    this.minutes = content.draft().minutes();
    this.facts = content.draft().facts();
    this.outcome = content.outcome();
    this.opinion = content.opinion();
    this.previousHash = previousHash;
    this.hash = content.hash(previousHash);
  }

  /** The content as stored now, to recompute the hash from. */
  SignOffContent content() {
    return new SignOffContent(hashVersion, applicationNo, seq, level, agency, role, userId, actingFor, signedAt, outcome,
        opinion, draft());
  }

  /** What the signer put their name to. */
  public SignedDraft draft() {
    return new SignedDraft(decisionKind, draftReasons, draftConditions, minutes, facts);
  }

  public String getApplicationNo() {
    return applicationNo;
  }

  public int getSeq() {
    return seq;
  }

  public int getLevel() {
    return level;
  }

  public String getAgency() {
    return agency;
  }

  public String getRole() {
    return role;
  }

  public String getUserId() {
    return userId;
  }

  public String getActingFor() {
    return actingFor;
  }

  public Instant getSignedAt() {
    return signedAt;
  }

  public DecisionKind getDecisionKind() {
    return decisionKind;
  }

  public String getOutcome() {
    return outcome;
  }

  public String getOpinion() {
    return opinion;
  }

  public int getHashVersion() {
    return hashVersion;
  }

  public String getPreviousHash() {
    return previousHash;
  }

  public String getHash() {
    return hash;
  }
}
