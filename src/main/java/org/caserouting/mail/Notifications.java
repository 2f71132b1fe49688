package org.caserouting.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what the applicant is told, and what staff are reminded of, in zh-TW and English, in the
 * case's own transaction; {@link MailOutbox} mails it once that transaction has committed.
 */
@Service
public class Notifications {

  static final int REMINDER_DAYS = 3;

  private final NotificationRepository repository;
  private final Clock clock;

  Notifications(NotificationRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  @Transactional
  public void submissionReceipt(String applicationNo, String recipient, String dueDate) {
    repository.save(
        new Notification(
            applicationNo,
            NotificationKind.SUBMISSION_RECEIPT,
            recipient,
            "您的申請案 " + applicationNo + " 已受理，預定於 " + dueDate + " 前辦結。",
            "Your application " + applicationNo + " has been received and is due to be decided by " + dueDate + ".",
            clock.instant()));
  }

  /** The request, and a reminder {@value #REMINDER_DAYS} days before the deadline. */
  @Transactional
  public void supplementRequest(String applicationNo, String recipient, String missing, String deadline, Instant due) {
    repository.save(
        new Notification(
            applicationNo,
            NotificationKind.SUPPLEMENT_REQUEST,
            recipient,
            "您的申請案 " + applicationNo + " 須補正：" + missing + "。請於 " + deadline + " 前補正，逾期未補正將不予受理。",
            "Your application " + applicationNo + " needs more: " + missing + ". Please supply it by " + deadline
                + "; otherwise the application is withdrawn.",
            clock.instant()));
    repository.save(
        new Notification(
            applicationNo,
            NotificationKind.SUPPLEMENT_REMINDER,
            recipient,
            "提醒您：申請案 " + applicationNo + " 須於 " + deadline + " 前補正：" + missing + "。",
            "A reminder: application " + applicationNo + " needs " + missing + " by " + deadline + ".",
            clock.instant())
            .deliverAfter(due.minus(Duration.ofDays(REMINDER_DAYS))));
  }

  /** The documents came, or the case closed: no reminder any more. */
  @Transactional
  public void cancelReminders(String applicationNo) {
    repository.cancelUnsent(applicationNo, NotificationKind.SUPPLEMENT_REMINDER, clock.instant());
  }

  @Transactional
  public void withdrawnForNoSupplement(String applicationNo, String recipient) {
    repository.save(
        new Notification(
            applicationNo,
            NotificationKind.WITHDRAWN,
            recipient,
            "您的申請案 " + applicationNo + " 因逾期未補正，已結案。",
            "Your application " + applicationNo + " was closed because the missing documents did not arrive in time.",
            clock.instant()));
  }

  /** A stored file mailed with a notification: its content's SHA-256 and the name it is mailed under. */
  public record Attachment(String sha256, String fileName) {}

  /** The decision, with its letter (處分書) attached when there is one. */
  @Transactional
  public void decision(String applicationNo, String recipient, boolean approved, String reason, Attachment letter) {
    String why = reason == null || reason.isBlank() ? "" : reason;
    repository.save(
        new Notification(
            applicationNo,
            NotificationKind.DECISION,
            recipient,
            "您的申請案 " + applicationNo + (approved ? " 已核准。" : " 未獲核准。") + (why.isEmpty() ? "" : "理由：" + why)
                + (letter == null ? "" : "處分書如附件。"),
            "Your application " + applicationNo + (approved ? " has been approved." : " has been rejected.")
                + (why.isEmpty() ? "" : " Reasons: " + why) + (letter == null ? "" : " The decision letter is attached."),
            clock.instant())
            .attach(letter));
  }

  /** About a change reported at a counter (N合一): received, or answered by every agency told. */
  @Transactional
  public void change(String changeNo, NotificationKind kind, String recipient, String messageZh, String messageEn) {
    repository.save(new Notification(changeNo, kind, recipient, messageZh, messageEn, clock.instant()));
  }

  /** To a holder of a task: most of its time has passed. */
  @Transactional
  public void taskReminder(String caseNo, String recipient, String task, String due, String link) {
    repository.save(new Notification(caseNo, NotificationKind.TASK_REMINDER, recipient,
        "案件 " + caseNo + " 的「" + task + "」將於 " + due + " 到期，請及早辦理。 " + link,
        "The task \"" + task + "\" of case " + caseNo + " is due on " + due + ". " + link,
        clock.instant()));
  }

  /** To a section chief of the agency holding a task: it is past its due date. */
  @Transactional
  public void taskOverdue(String caseNo, String recipient, String task, String holder, String due, String link) {
    repository.save(new Notification(caseNo, NotificationKind.TASK_OVERDUE, recipient,
        "案件 " + caseNo + " 的「" + task + "」已逾期（期限 " + due + "，承辦：" + holder + "），請追蹤。 " + link,
        "The task \"" + task + "\" of case " + caseNo + " is overdue (due " + due + ", held by " + holder
            + "); please follow it up. " + link,
        clock.instant()));
  }

  /** To whoever holds an open task of a case that a migration moved to a new version of its process. */
  @Transactional
  public void taskMoved(String caseNo, String recipient, String task, String fromVersion, String toVersion, String link) {
    repository.save(new Notification(caseNo, NotificationKind.TASK_MOVED, recipient,
        "案件 " + caseNo + " 已改依新版流程（" + fromVersion + " → " + toVersion + "），您的待辦「" + task
            + "」仍在，請依新版辦理。 " + link,
        "Case " + caseNo + " now follows a new version of its process (" + fromVersion + " → " + toVersion
            + "). Your task \"" + task + "\" is still open; please carry on under the new version. " + link,
        clock.instant()));
  }

  /** The field step arranged with the applicant: what, when, where, and anything to bring. */
  @Transactional
  public void fieldStep(String applicationNo, String recipient, String whatZh, String whatEn, String at, String place,
      String note) {
    String extra = note == null || note.isBlank() ? "" : note;
    repository.save(new Notification(applicationNo, NotificationKind.FIELD_STEP, recipient,
        "您的申請案 " + applicationNo + " 須辦理" + whatZh + "，時間 " + at + "，地點 " + place + "。" + extra,
        "Your application " + applicationNo + " needs " + whatEn + ", on " + at + " at " + place + ". " + extra,
        clock.instant()));
  }
}
