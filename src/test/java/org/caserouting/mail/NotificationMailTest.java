package org.caserouting.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caserouting.platform.engine.task.TaskOutcome.APPROVE;
import static org.caserouting.platform.engine.task.TaskOutcome.OPINION;
import static org.caserouting.platform.engine.task.TaskOutcome.RETURN;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.caserouting.support.Api;
import org.caserouting.support.CaseRouterTest;
import org.caserouting.support.MailServer;
import org.caserouting.support.Submission;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The applicant's e-mails, as a real SMTP server (GreenMail) receives them: after the case's
 * transaction, in zh-TW and English, retried when the server is down, never holding up the case.
 */
@CaseRouterTest
class NotificationMailTest {

  @Autowired TestRestTemplate http;
  @Autowired MailOutbox outbox;
  @Autowired JdbcTemplate jdbc;
  Api api;
  String email;

  @BeforeEach
  void applicant() {
    api = new Api(http);
    email = "wang-" + UUID.randomUUID() + "@example.tw";
  }

  @Test
  void theReceiptAndTheDecisionAreMailedInChineseAndEnglish() throws Exception {
    String no = submitted(Submission.householdTranscript().applicant("email", email));
    assertThat(MailServer.to(email)).as("nothing before the outbox runs").isEmpty();

    outbox.dispatch(Instant.now());

    List<MimeMessage> mails = MailServer.to(email);
    assertThat(mails).hasSize(1);
    assertThat(mails.get(0).getSubject()).contains("已受理", "received", no);
    assertThat(GreenMailUtil.getBody(mails.get(0))).contains(no);

    api.workTask("hr-daan-clerk", no, APPROVE, OPINION.of("核發英文戶籍謄本"));
    api.workTask("hr-daan-chief", no, APPROVE);
    outbox.dispatch(Instant.now());

    assertThat(MailServer.to(email)).hasSize(2);
    assertThat(MailServer.to(email).get(1).getSubject()).contains("處分結果", "Decision");
    assertThat(sentKinds(no)).containsExactly("SUBMISSION_RECEIPT", "DECISION");
  }

  @Test
  void everyMailCarriesTheApplicantsOwnLinkAndItOpensTheirCase() throws Exception {
    Api.Response submitted = api.submit(Submission.lowIncome().applicant("email", email));
    String no = submitted.body().get("applicationNo").asText();
    String link = submitted.body().get("trackingUrl").asText();
    api.workTask("do-daan-clerk", no, RETURN, OPINION.of("請補附薪資證明"));

    outbox.dispatch(Instant.now());

    assertThat(link).matches("http://localhost:8080/track/t/[A-Za-z0-9_-]{22}");
    assertThat(MailServer.to(email)).hasSizeGreaterThanOrEqualTo(2)
        .allSatisfy(mail -> assertThat(GreenMailUtil.getBody(mail)).contains(link));
    String page = http.getForObject(link.replace("http://localhost:8080", ""), String.class);
    assertThat(page).contains(no).contains("請補附薪資證明");
    assertThat(api.get("/api/applications/" + no).body().has("trackingUrl"))
        .as("the link is given to the submitter only, not to every reader of the case").isFalse();
  }

  @Test
  void aSupplementRequestIsMailedAndRemindedThreeDaysBeforeItsDeadline() {
    String no = submitted(Submission.lowIncome().applicant("email", email));
    api.workTask("do-daan-clerk", no, RETURN, OPINION.of("請補附薪資證明"));
    Instant deadline = jdbc.queryForObject(
        "select deadline from supplement_request where application_no = ?", java.sql.Timestamp.class, no).toInstant();

    outbox.dispatch(Instant.now());
    assertThat(MailServer.to(email)).extracting(this::subject)
        .anySatisfy(subject -> assertThat(subject).contains("請補正文件"))
        .noneSatisfy(subject -> assertThat(subject).contains("提醒"));

    outbox.dispatch(deadline.minus(Duration.ofDays(3)).plusSeconds(1));
    assertThat(MailServer.to(email)).extracting(this::subject)
        .anySatisfy(subject -> assertThat(subject).contains("提醒", "Reminder"));
  }

  @Test
  void noReminderOnceTheDocumentsHaveCome() {
    String no = submitted(Submission.lowIncome().applicant("email", email));
    api.workTask("do-daan-clerk", no, RETURN, OPINION.of("請補附薪資證明"));
    Api.Response supplied = api.postJson("/api/applications/" + no + "/supplements",
        "{\"documents\":[{\"documentClass\":\"UPLOADABLE\",\"title\":\"薪資證明\"}]}", new HttpHeaders());
    assertThat(supplied.status()).as(supplied.body().toString()).isLessThan(300);

    outbox.dispatch(Instant.now().plus(Duration.ofDays(30)));

    assertThat(MailServer.to(email)).extracting(this::subject).noneSatisfy(subject -> assertThat(subject).contains("提醒"));
  }

  @Test
  void aMailServerThatIsDownHoldsUpNothingAndTheMailGoesOutLater() {
    MailServer.stop();
    String no;
    try {
      no = submitted(Submission.householdTranscript().applicant("email", email));
      assertThat(outbox.dispatch(Instant.now())).isZero();
      assertThat(jdbc.queryForObject("select attempts from notification where application_no = ?", Integer.class, no))
          .isEqualTo(1);
    } finally {
      MailServer.start();
    }
    assertThat(outbox.dispatch(Instant.now())).as("not before the pause").isZero();

    outbox.dispatch(Instant.now().plus(Duration.ofMinutes(2)));

    assertThat(MailServer.to(email)).hasSize(1);
    assertThat(sentKinds(no)).containsExactly("SUBMISSION_RECEIPT");
    assertTimelineMentions(no, "MAIL_SUBMISSION_RECEIPT");
  }

  private List<String> sentKinds(String applicationNo) {
    return jdbc.queryForList(
        "select kind from notification where application_no = ? and sent_at is not null order by id", String.class,
        applicationNo);
  }

  private String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String submitted(Submission submission) {
    Api.Response response = api.submit(submission);
    assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
    return response.body().get("applicationNo").asText();
  }

  /** The applicant's timeline records what was mailed. */
  private void assertTimelineMentions(String applicationNo, String kind) {
    HttpHeaders headers = new HttpHeaders();
    headers.set("Applicant-Id-Suffix", "6789");
    headers.set("X-Forwarded-For", "10.0.2.1");
    var response = http.exchange("/api/applications/{no}/timeline", org.springframework.http.HttpMethod.GET,
        new org.springframework.http.HttpEntity<>(headers), String.class, applicationNo);
    assertThat(response.getBody()).contains("\"" + kind + "\"");
  }
}
