package org.caserouting.tracking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A message to the applicant, recorded when it is due; delivery by e-mail builds on this record. */
@Entity
@Table(name = "notification")
public class Notification {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "application_no", nullable = false)
  private String applicationNo;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private NotificationKind kind;

  @Column(name = "recipient")
  private String recipient;

  @Column(name = "message_zh", nullable = false)
  private String messageZh;

  @Column(name = "message_en", nullable = false)
  private String messageEn;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Notification() {}

  Notification(String applicationNo, NotificationKind kind, String recipient, String messageZh, String messageEn, Instant createdAt) {
    this.applicationNo = applicationNo;
    this.kind = kind;
    this.recipient = recipient;
    this.messageZh = messageZh;
    this.messageEn = messageEn;
    this.createdAt = createdAt;
  }

  public String getApplicationNo() {
    return applicationNo;
  }

  public NotificationKind getKind() {
    return kind;
  }

  public String getRecipient() {
    return recipient;
  }

  public String getMessageZh() {
    return messageZh;
  }

  public String getMessageEn() {
    return messageEn;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
