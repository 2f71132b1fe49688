package org.caserouting.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A message to the applicant, recorded in the case's own transaction and mailed after it commits
 * by {@link MailOutbox}: the record is the outbox row, with its delivery attempts.
 */
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

  /** Not before this time (a reminder); null: at once. */
  @Column(name = "deliver_after")
  private Instant deliverAfter;

  @Column(name = "sent_at")
  private Instant sentAt;

  @Column(name = "attempts", nullable = false)
  private int attempts;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "cancelled_at")
  private Instant cancelledAt;

  /** A stored file mailed with it (the decision letter), by its content's SHA-256; null: none. */
  @Column(name = "attachment_sha256")
  private String attachmentSha256;

  @Column(name = "attachment_name")
  private String attachmentName;

  protected Notification() {}

  Notification(String applicationNo, NotificationKind kind, String recipient, String messageZh, String messageEn, Instant createdAt) {
    this.applicationNo = applicationNo;
    this.kind = kind;
    this.recipient = recipient;
    this.messageZh = messageZh;
    this.messageEn = messageEn;
    this.createdAt = createdAt;
  }

  Notification attach(Notifications.Attachment attachment) {
    if (attachment != null) {
      this.attachmentSha256 = attachment.sha256();
      this.attachmentName = attachment.fileName();
    }
    return this;
  }

  public String getAttachmentSha256() {
    return attachmentSha256;
  }

  public String getAttachmentName() {
    return attachmentName;
  }

  Notification deliverAfter(Instant time) {
    this.deliverAfter = time;
    return this;
  }

  public Long getId() {
    return id;
  }

  public Instant getSentAt() {
    return sentAt;
  }

  public int getAttempts() {
    return attempts;
  }

  public String getLastError() {
    return lastError;
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
