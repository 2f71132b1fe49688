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

/** One agency told of a change, and its answer. */
@Entity
@Table(name = "change_notice")
public class ChangeNotice {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Version
  private long version;

  @Column(name = "change_no")
  private String changeNo;

  private String agency;

  /** What the agency keeps that the change makes out of date, as the decision table says. */
  private String record;

  private boolean consented;

  @Enumerated(EnumType.STRING)
  private Notice.Channel channel;

  @Enumerated(EnumType.STRING)
  private Notice.Status status;

  private String reason;

  @Column(name = "answered_by")
  private String answeredBy;

  @Column(name = "answered_at")
  private Instant answeredAt;

  @Column(name = "due_at")
  private Instant dueAt;

  protected ChangeNotice() {}

  ChangeNotice(String changeNo, String agency, String record, boolean consented, Notice.Channel channel) {
    this.changeNo = changeNo;
    this.agency = agency;
    this.record = record;
    this.consented = consented;
    this.channel = consented ? channel : Notice.Channel.CITIZEN;
    this.status = consented ? Notice.Status.WAITING : Notice.Status.NOT_CONSENTED;
  }

  void dueAt(Instant due) {
    this.dueAt = due;
  }

  /** The automatic call failed for good: the agency's clerks take it over. */
  void toTask() {
    this.channel = Notice.Channel.TASK;
  }

  void answer(Notice.Status answer, String reason, String by, Instant at) {
    this.status = answer;
    this.reason = reason;
    this.answeredBy = by;
    this.answeredAt = at;
  }

  public String getChangeNo() {
    return changeNo;
  }

  public String getAgency() {
    return agency;
  }

  public String getRecord() {
    return record;
  }

  public boolean isConsented() {
    return consented;
  }

  public Notice.Channel getChannel() {
    return channel;
  }

  public Notice.Status getStatus() {
    return status;
  }

  public String getReason() {
    return reason;
  }

  public String getAnsweredBy() {
    return answeredBy;
  }

  public Instant getAnsweredAt() {
    return answeredAt;
  }

  public Instant getDueAt() {
    return dueAt;
  }
}
