package org.caserouting.fieldstep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caserouting.platform.engine.task.TaskOutcome.APPROVE;
import static org.caserouting.platform.engine.task.TaskOutcome.OPINION;
import static org.caserouting.platform.engine.task.TaskOutcome.RETURN;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.caserouting.cases.CaseEvent;
import org.caserouting.cases.CaseEventKind;
import org.caserouting.cases.CaseEventRepository;
import org.caserouting.cases.CaseVariables;
import org.caserouting.intake.IntakeService;
import org.caserouting.mail.MailOutbox;
import org.caserouting.review.JointReviewProcess;
import org.caserouting.review.SingleAgencyReviewProcess;
import org.caserouting.review.VerticalEscalatedApprovalProcess;
import org.caserouting.support.Api;
import org.caserouting.support.CaseRouterTest;
import org.caserouting.support.MailServer;
import org.caserouting.support.Submission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * An application online but with a visit, hearing or review of items still to do: the receiving
 * agency's clerk arranges it with the applicant, who is mailed and sees it on /track; the case
 * waits for the day; the clerk records what was found before any review. (The other tests run
 * with field steps off, as they run without agency queries.)
 */
@CaseRouterTest
class FieldStepTest {

  private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

  @Autowired TestRestTemplate http;
  @org.springframework.boot.test.web.server.LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IntakeService intake;
  @Autowired MailOutbox outbox;
  @Autowired CaseEventRepository events;
  Api api;

  @BeforeEach
  void fieldStepsOn() {
    fieldSteps(true);
    api = new Api(http);
  }

  @AfterEach
  void fieldStepsOff() {
    fieldSteps(false);
    ClockUtil.reset();
  }

  private void fieldSteps(boolean enabled) {
    IntakeService target = AopTestUtils.getTargetObject(intake);
    ReflectionTestUtils.setField(target, "fieldStepsEnabled", enabled);
  }

  @Test
  void aHomeVisitIsArrangedWithTheApplicantAndWhatWasFoundReachesTheReview() throws Exception {
    String email = "wang-" + UUID.randomUUID() + "@example.tw";
    String no = api.submit(Submission.lowIncome().applicant("email", email)).body().get("applicationNo").asText();
    Task arrange = task(no);
    assertThat(arrange.getTaskDefinitionKey()).isEqualTo(FieldStepProcess.Elements.ARRANGE);
    assertThat(engine.getTaskService().getVariable(arrange.getId(), CaseVariables.FIELD_STEP.name()))
        .isEqualTo("家庭訪視 / a home visit");

    Api.Response claimed = api.enginePost("do-daan-clerk", "/task/" + arrange.getId() + "/claim", "{\"userId\":\"do-daan-clerk\"}");
    assertThat(claimed.status()).isEqualTo(204);
    Api.Response refused = api.enginePost("do-daan-clerk", "/task/" + arrange.getId() + "/complete", """
        {"variables": {"outcome": {"value": "APPROVE"}, "appointmentAt": {"value": "2020-01-01T10:00"},
         "appointmentPlace": {"value": "申請人住處"}}}""");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().toString()).contains("The appointment must be in the future");

    String visit = inDays(3);
    api.workTask("do-daan-clerk", no, APPROVE, FieldStepProcess.Variables.AT.of(visit),
        FieldStepProcess.Variables.PLACE.of("臺北市大安區和平東路二段106號5樓"), FieldStepProcess.Variables.NOTE.of("請備妥存摺影本"));

    Api.Response waiting = api.get("/api/applications/" + no);
    assertThat(waiting.body().get("stages")).as("no task until the day").isEmpty();
    assertThat(waiting.body().get("waitingFor").get(0).get("kind").asText()).isEqualTo("FIELD_STEP");
    assertThat(waiting.body().get("waitingFor").get(0).get("place").asText()).isEqualTo("臺北市大安區和平東路二段106號5樓");
    assertThat(waiting.body().get("waitingFor").get(0).get("at").asText()).startsWith(visit);
    outbox.dispatch(ClockUtil.getCurrentTime().toInstant());
    List<MimeMessage> mails = MailServer.to(email);
    assertThat(mails).extracting(MimeMessage::getSubject).anySatisfy(subject -> assertThat(subject).contains("約定", no));
    assertThat(mails.stream().map(FieldStepTest::text).toList())
        .anySatisfy(text -> assertThat(text).contains("家庭訪視", visit.replace('T', ' '), "和平東路二段106號", "請備妥存摺影本"));
    assertThat(timeline(no)).contains("FIELD_STEP_ARRANGED", "和平東路二段106號");

    appointmentComes(no);
    Api.Response noReason = api.enginePost("do-daan-clerk", "/task/" + task(no).getId() + "/complete",
        "{\"variables\": {\"outcome\": {\"value\": \"APPROVE\"}}}");
    assertThat(noReason.status()).as("findings are required").isEqualTo(400);
    api.workTask("do-daan-clerk", no, RETURN, OPINION.of("申請人不在家"),
        FieldStepProcess.Variables.FINDINGS.of("按鈴無人應門，已留聯繫單"));
    assertThat(task(no).getTaskDefinitionKey()).as("arranged again").isEqualTo(FieldStepProcess.Elements.ARRANGE);
    api.workTask("do-daan-clerk", no, APPROVE, FieldStepProcess.Variables.AT.of(inDays(5)),
        FieldStepProcess.Variables.PLACE.of("臺北市大安區和平東路二段106號5樓"));
    appointmentComes(no);
    api.workTask("do-daan-clerk", no, APPROVE, FieldStepProcess.Variables.FINDINGS.of("戶內三人，無工作能力者一人，居住狀況屬實"));

    Task review = task(no);
    assertThat(review.getTaskDefinitionKey()).isEqualTo(VerticalEscalatedApprovalProcess.Elements.FIRST_REVIEW);
    // The reviewing clerk reads what was found in the case file the review task links to.
    assertThat(org.caserouting.support.WebappSession.signIn("http://localhost:" + port, "tasklist", "do-daan-clerk")
            .open("/cases/" + no).text())
        .contains("現場作業 Field steps", "戶內三人，無工作能力者一人，居住狀況屬實", "按鈴無人應門，已留聯繫單", "已完成 Done");
    assertThat(events.findByApplicationNoOrderByOccurredAtAscIdAsc(no)).extracting(CaseEvent::getKind)
        .containsSubsequence(CaseEventKind.FIELD_STEP_ARRANGED, CaseEventKind.FIELD_STEP_MISSED,
            CaseEventKind.FIELD_STEP_ARRANGED, CaseEventKind.FIELD_STEP_DONE);
  }

  @Test
  void aSiteInspectionTheAgenciesMakeTogetherIsNotArrangedTwice() {
    String no = api.submit(Submission.of("IN-SPECIAL-ENTERTAINMENT")).body().get("applicationNo").asText();

    assertThat(task(no).getTaskDefinitionKey()).isEqualTo(JointReviewProcess.Elements.CHECK_COMPLETENESS);
  }

  @Test
  void aFullyOnlineApplicationGoesStraightToItsReview() {
    String no = api.submit(Submission.householdTranscript()).body().get("applicationNo").asText();

    assertThat(task(no).getTaskDefinitionKey()).isEqualTo(SingleAgencyReviewProcess.Elements.REVIEW);
  }

  private Task task(String no) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(no).singleResult();
  }

  /** The clock moves to the appointment and the case's timer fires. */
  private void appointmentComes(String no) {
    String fieldStep = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(no).processDefinitionKey(FieldStepProcess.KEY).singleResult().getId();
    Job day = engine.getManagementService().createJobQuery().processInstanceId(fieldStep).timers().singleResult();
    ClockUtil.setCurrentTime(Date.from(day.getDuedate().toInstant().plusSeconds(1)));
    engine.getManagementService().executeJob(day.getId());
  }

  private String timeline(String no) {
    HttpHeaders applicant = new HttpHeaders();
    applicant.set("Applicant-Id-Suffix", "6789");
    applicant.set("X-Forwarded-For", "10.0.9.2");
    return http.exchange("/api/applications/{no}/timeline", HttpMethod.GET, new HttpEntity<>(applicant), String.class, no)
        .getBody();
  }

  private static String inDays(int days) {
    return LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(days)), TAIPEI)
        .withHour(10).truncatedTo(ChronoUnit.HOURS).toString();
  }

  private static String text(MimeMessage mail) {
    try {
      return (String) mail.getContent();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
