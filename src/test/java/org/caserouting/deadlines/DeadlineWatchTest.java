package org.caserouting.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.caserouting.platform.engine.task.TaskOutcome.APPROVE;
import static org.caserouting.platform.engine.task.TaskOutcome.OPINION;

import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.caserouting.cases.CaseEvent;
import org.caserouting.cases.CaseEventKind;
import org.caserouting.cases.CaseEventRepository;
import org.caserouting.mail.MailOutbox;
import org.caserouting.platform.TaskPriorities;
import org.caserouting.signoff.SignOffProcess;
import org.caserouting.support.Api;
import org.caserouting.support.CaseRouterTest;
import org.caserouting.support.MailServer;
import org.caserouting.support.Submission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * Every task with a due date is watched, in whatever model: its holders are e-mailed when most of
 * its time has passed, the section chief (or, for a chief's task, the director) once it is late,
 * each once; the task rises in Tasklist; the applicant sees none of it.
 */
@CaseRouterTest
class DeadlineWatchTest {

  private static final String STAFF = "@staff.example.org";

  @Autowired TestRestTemplate http;
  @Autowired TaskService tasks;
  @Autowired DeadlineWatch deadlines;
  @Autowired MailOutbox outbox;
  @Autowired CaseEventRepository events;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theClerksAreRemindedAndTheChiefIsToldWhenTheReviewIsLateEachOnce() throws Exception {
    Api api = new Api(http);
    String no = api.submit(Submission.householdTranscript()).body().get("applicationNo").asText();
    Task review = task(no);
    assertThat(review.getFollowUpDate()).as("the reminder date, 80%% of the time").isAfter(review.getCreateTime())
        .isBefore(review.getDueDate());

    at(review.getFollowUpDate());
    deadlines.remindDueSoon();
    deadlines.remindDueSoon();
    outbox.dispatch(ClockUtil.getCurrentTime().toInstant());

    List<MimeMessage> reminders = mailsAbout(no, "hr-daan-clerk" + STAFF);
    assertThat(reminders).as("one reminder, however often the watch looks").hasSize(1);
    assertThat(reminders.get(0).getSubject()).contains("提醒", "Reminder", no);
    assertThat((String) reminders.get(0).getContent())
        .contains("#/?task=" + review.getId())
        .as("the applicant's private link is the applicant's alone").doesNotContain("/track/t/");
    assertThat(task(no).getPriority()).isEqualTo(TaskPriorities.REMINDED);
    assertThat(mailsAbout(no, "hr-daan-chief" + STAFF)).isEmpty();

    at(review.getDueDate());
    deadlines.escalateOverdue();
    deadlines.escalateOverdue();
    outbox.dispatch(ClockUtil.getCurrentTime().toInstant());

    List<MimeMessage> escalations = mailsAbout(no, "hr-daan-chief" + STAFF);
    assertThat(escalations).hasSize(1);
    assertThat(escalations.get(0).getSubject()).contains("逾期", "Overdue", no);
    assertThat((String) escalations.get(0).getContent()).contains("hr-daan-clerk");
    assertThat(task(no).getPriority()).isEqualTo(TaskPriorities.OVERDUE);
    assertThat(events.findByApplicationNoOrderByOccurredAtAscIdAsc(no)).extracting(CaseEvent::getKind, CaseEvent::getAgency)
        .containsSubsequence(
            tuple(CaseEventKind.REMINDER, "HR-DAAN"), tuple(CaseEventKind.OVERDUE_ESCALATED, "HR-DAAN"));

    HttpHeaders applicant = new HttpHeaders();
    applicant.set("Applicant-Id-Suffix", "6789");
    applicant.set("X-Forwarded-For", "10.0.9.1");
    String timeline = http.exchange("/api/applications/{no}/timeline", HttpMethod.GET, new HttpEntity<>(applicant),
        String.class, no).getBody();
    assertThat(timeline).contains("SUBMITTED").doesNotContain("TASK_REMINDER", "TASK_OVERDUE", "hr-daan");
  }

  @Test
  void aLateSignOffIsTheDirectorsToFollowUp() throws Exception {
    Api api = new Api(http);
    String no = api.submit(Submission.householdTranscript()).body().get("applicationNo").asText();
    api.workTask("hr-daan-clerk", no, APPROVE, OPINION.of("核發英文戶籍謄本"));
    Task signOff = task(no);
    assertThat(signOff.getTaskDefinitionKey()).isEqualTo(SignOffProcess.Elements.SIGN);
    assertThat(signOff.getFollowUpDate()).isNotNull();

    at(signOff.getDueDate());
    deadlines.escalateOverdue();
    outbox.dispatch(ClockUtil.getCurrentTime().toInstant());

    assertThat(mailsAbout(no, "hr-daan-director" + STAFF)).hasSize(1);
    assertThat(mailsAbout(no, "hr-daan-chief" + STAFF)).as("the chief holds it; the mail goes above").isEmpty();
    assertThat(task(no).getPriority()).isEqualTo(TaskPriorities.OVERDUE);
  }

  private Task task(String no) {
    return tasks.createTaskQuery().processInstanceBusinessKey(no).singleResult();
  }

  private static void at(Date time) {
    ClockUtil.setCurrentTime(Date.from(time.toInstant().plusSeconds(1)));
  }

  private static List<MimeMessage> mailsAbout(String no, String recipient) throws Exception {
    List<MimeMessage> about = new ArrayList<>();
    for (MimeMessage mail : MailServer.to(recipient)) {
      if (mail.getSubject().contains(no)) {
        about.add(mail);
      }
    }
    return about;
  }
}
