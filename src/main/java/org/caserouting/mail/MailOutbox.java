package org.caserouting.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.caserouting.cases.TrackingLinks;
import org.caserouting.documents.ApplicationFiles;
import org.caserouting.platform.CaseLogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Mails the applicant's notifications. A notification is a row written in the case's own
 * transaction, so it is only seen here once that transaction has committed, and a mail server
 * that is down never holds up or rolls back a case: the row waits, and is tried again with a
 * doubling pause, up to {@code max-attempts}. Each row is leased before it is sent, so two nodes
 * never mail the same notification. Without an SMTP server configured ({@code spring.mail.host})
 * nothing is mailed and the rows stay, visible on the case.
 */
@Component
@EnableConfigurationProperties(MailOutbox.MailProperties.class)
public class MailOutbox {

  @ConfigurationProperties("caserouting.mail")
  public record MailProperties(
      @DefaultValue("案件進度通知 <no-reply@case-router.example>") String from,
      @DefaultValue("8") int maxAttempts,
      @DefaultValue("PT1M") Duration firstRetry,
      @DefaultValue("PT2M") Duration lease,
      @DefaultValue("50") int batch) {}

  private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

  private final ObjectProvider<JavaMailSender> mail;
  private final NotificationRepository notifications;
  private final JdbcTemplate jdbc;
  private final MailProperties properties;
  private final Clock clock;
  private final TrackingLinks links;
  private final ApplicationFiles files;

  MailOutbox(ObjectProvider<JavaMailSender> mail, NotificationRepository notifications, JdbcTemplate jdbc,
      MailProperties properties, Clock clock, TrackingLinks links, ApplicationFiles files) {
    this.files = files;
    this.mail = mail;
    this.notifications = notifications;
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
    this.links = links;
  }

  @Scheduled(fixedDelayString = "${caserouting.mail.poll-interval:PT5S}",
      initialDelayString = "${caserouting.mail.poll-interval:PT5S}")
  void poll() {
    dispatch(clock.instant());
  }

  /** Mails everything due at {@code now}, a batch at a time; returns how many were sent. */
  public int dispatch(Instant now) {
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      return 0;
    }
    int sent = 0;
    List<Long> due;
    do {
      // Each row taken is sent, put off by its back-off, or leased by another node: none comes back.
      due = due(now);
      for (Long id : due) {
        boolean leased = jdbc.update(
            "update notification set lease_until = ? where id = ? and sent_at is null and (lease_until is null or lease_until < ?)",
            at(now.plus(properties.lease())), id, at(now)) == 1;
        if (leased && send(sender, notifications.findById(id).orElseThrow(), now)) {
          sent++;
        }
      }
    } while (due.size() == properties.batch());
    return sent;
  }

  private List<Long> due(Instant now) {
    return jdbc.queryForList(
        "select id from notification where sent_at is null and cancelled_at is null and recipient is not null"
            + " and attempts < ? and (deliver_after is null or deliver_after <= ?)"
            + " and (next_attempt_at is null or next_attempt_at <= ?) and (lease_until is null or lease_until < ?)"
            + " order by id fetch first " + properties.batch() + " rows only",
        Long.class, properties.maxAttempts(), at(now), at(now), at(now));
  }

  private boolean send(JavaMailSender sender, Notification notification, Instant now) {
    try (MDC.MDCCloseable context = CaseLogContext.of(notification.getApplicationNo())) {
      send(sender, notification);
      jdbc.update("update notification set sent_at = ?, lease_until = null, last_error = null where id = ?",
          at(now), notification.getId());
      return true;
    } catch (MailException e) {
      int attempts = notification.getAttempts() + 1;
      Instant next = now.plus(properties.firstRetry().multipliedBy(1L << Math.min(attempts - 1, 12)));
      String error = String.valueOf(e.getMessage());
      jdbc.update("update notification set attempts = ?, next_attempt_at = ?, lease_until = null, last_error = ? where id = ?",
          attempts, at(next), error.substring(0, Math.min(error.length(), 500)), notification.getId());
      log.warn("Mail {} for {} not sent (attempt {} of {}), next try at {}: {}", notification.getKind(),
          notification.getApplicationNo(), attempts, properties.maxAttempts(), next, error);
      return false;
    }
  }

  /** A plain text mail, or with its stored file attached (the decision letter). */
  private void send(JavaMailSender sender, Notification notification) {
    if (notification.getAttachmentSha256() == null) {
      SimpleMailMessage message = new SimpleMailMessage();
      message.setFrom(properties.from());
      message.setTo(notification.getRecipient());
      message.setSubject(subject(notification));
      message.setText(text(notification));
      sender.send(message);
      return;
    }
    byte[] attached = files.content(notification.getAttachmentSha256()).orElseThrow(
        () -> new IllegalStateException("The attachment of notification " + notification.getId() + " is not stored"));
    sender.send(mime -> {
      MimeMessageHelper message = new MimeMessageHelper(mime, true, "UTF-8");
      message.setFrom(properties.from());
      message.setTo(notification.getRecipient());
      message.setSubject(subject(notification));
      message.setText(text(notification));
      message.addAttachment(notification.getAttachmentName(), new ByteArrayResource(attached), "application/pdf");
    });
  }

  /**
   * Text in Traditional Chinese first, English below, as the applicant reads it; the applicant's
   * own link to the case goes to the applicant only, never to staff.
   */
  private String text(Notification notification) {
    String text = notification.getMessageZh() + "\n\n" + notification.getMessageEn();
    if (!notification.getKind().toStaff()) {
      text += "\n\n案件進度查詢 Check its progress: " + links.linkOf(notification.getApplicationNo())
          + "\n（此連結供您本人查詢，請勿轉寄 This link is yours: please do not pass it on.）";
    }
    return text;
  }

  private static String subject(Notification notification) {
    String no = notification.getApplicationNo();
    return switch (notification.getKind()) {
      case SUBMISSION_RECEIPT -> "申請案 " + no + " 已受理 / Application " + no + " received";
      case SUPPLEMENT_REQUEST -> "申請案 " + no + " 請補正文件 / Application " + no + ": documents needed";
      case SUPPLEMENT_REMINDER -> "提醒：申請案 " + no + " 補正期限將至 / Reminder: documents for " + no + " due soon";
      case WITHDRAWN -> "申請案 " + no + " 已結案 / Application " + no + " closed";
      case FIELD_STEP -> "申請案 " + no + " 約定時間 / Application " + no + ": an appointment";
      case DECISION -> "申請案 " + no + " 處分結果 / Decision on application " + no;
      case CHANGE_RECEIVED -> "異動 " + no + " 已受理 / Change " + no + " received";
      case CHANGE_COMPLETED -> "異動 " + no + " 已通報各機關 / Change " + no + " passed on to the agencies";
      case TASK_REMINDER -> "提醒：案件 " + no + " 待辦將到期 / Reminder: a task of case " + no + " is due soon";
      case TASK_OVERDUE -> "逾期：案件 " + no + " 待辦已逾期 / Overdue: a task of case " + no;
      case TASK_MOVED -> "案件 " + no + " 改依新版流程 / Case " + no + " now follows a new version of its process";
    };
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
