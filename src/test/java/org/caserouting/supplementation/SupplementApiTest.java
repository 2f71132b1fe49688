package org.caserouting.supplementation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caserouting.platform.engine.task.TaskOutcome.APPROVE;
import static org.caserouting.platform.engine.task.TaskOutcome.OPINION;
import static org.caserouting.platform.engine.task.TaskOutcome.RETURN;

import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.caserouting.review.SingleAgencyReviewProcess;
import org.caserouting.support.Api;
import org.caserouting.support.CaseRouterTest;
import org.caserouting.support.Submission;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;

@CaseRouterTest
class SupplementApiTest {

  private static final String DOCUMENTS = "{\"documents\": [{\"documentClass\": \"UPLOADABLE\", \"title\": \"薪資證明\"}]}";

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  Api api;

  @BeforeEach
  void api() {
    api = new Api(http);
  }

  private String askedForSupplement() {
    String no = api.submit(Submission.lowIncome()).body().get("applicationNo").asText();
    api.workTask("do-daan-clerk", no, RETURN, OPINION.of("請補附薪資證明"));
    return no;
  }

  @Test
  void supplementResumesTheCaseForTheClerkToCheck() {
    String no = askedForSupplement();
    Api.Response waiting = api.get("/api/applications/" + no);
    assertThat(waiting.body().get("status").asText()).isEqualTo("SUPPLEMENT_REQUESTED");
    assertThat(waiting.body().get("stages")).as("no task is open while the applicant has the case").isEmpty();
    assertThat(waiting.body().get("waitingFor").get(0).get("kind").asText()).isEqualTo("APPLICANT_DOCUMENTS");
    assertThat(waiting.body().get("waitingFor").get(0).get("detail").asText()).isEqualTo("請補附薪資證明");
    assertThat(waiting.body().get("waitingFor").get(0).get("at").asText()).as("the deadline").isNotBlank();

    Api.Response response = api.postJson("/api/applications/" + no + "/supplements", DOCUMENTS, new HttpHeaders());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body().get("waitingFor")).isEmpty();
    assertThat(response.body().get("status").asText()).isEqualTo("IN_REVIEW");
    assertThat(response.body().get("stages").get(0).get("step").asText()).isEqualTo("checkSupplement");
  }

  @Test
  void aSingleAgencyReviewAsksForMissingDocumentsAndTheClerkReviewsWhatCame() {
    String no = api.submit(Submission.householdTranscript()).body().get("applicationNo").asText();
    api.workTask("hr-daan-clerk", no, RETURN, OPINION.of("請補附委託書"));
    assertThat(api.get("/api/applications/" + no).body().get("status").asText()).isEqualTo("SUPPLEMENT_REQUESTED");

    api.postJson("/api/applications/" + no + "/supplements", DOCUMENTS, new HttpHeaders());
    api.workTask("hr-daan-clerk", no, APPROVE, OPINION.of("補正完備"));
    Api.Response review = api.engineGet("hr-daan-clerk",
        "/task?processInstanceBusinessKey=" + no + "&candidateUser=hr-daan-clerk&maxResults=5");
    String taskId = review.body().get(0).get("id").asText();
    Api.Response shown = api.engineGet("hr-daan-clerk",
        "/task/" + taskId + "/variables/" + SupplementationProcess.Variables.RECEIVED_SUMMARY.name());

    assertThat(review.body().get(0).get("taskDefinitionKey").asText()).isEqualTo(SingleAgencyReviewProcess.Elements.REVIEW);
    assertThat(shown.body().get("value").asText()).as("the review form shows what came").contains("薪資證明");
    api.workTask("hr-daan-clerk", no, APPROVE, OPINION.of("核發英文戶籍謄本"));
    api.workTask("hr-daan-chief", no, APPROVE);
    assertThat(api.get("/api/applications/" + no).body().get("decision").asText()).isEqualTo("APPROVED");
  }

  @Test
  void aSingleAgencyCaseClosesWhenTheSupplementNeverComes() {
    String no = api.submit(Submission.householdTranscript()).body().get("applicationNo").asText();
    api.workTask("hr-daan-clerk", no, RETURN, OPINION.of("請補附委託書"));
    String waiting = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(no).processDefinitionKey(SupplementationProcess.KEY).singleResult().getId();
    Job deadline = engine.getManagementService().createJobQuery().processInstanceId(waiting).timers().singleResult();

    try {
      ClockUtil.setCurrentTime(Date.from(deadline.getDuedate().toInstant().plusSeconds(1)));
      engine.getManagementService().executeJob(deadline.getId());
    } finally {
      ClockUtil.reset();
    }

    assertThat(api.get("/api/applications/" + no).body().get("status").asText()).isEqualTo("WITHDRAWN_NO_SUPPLEMENT");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(no).count())
        .as("nothing left waiting").isZero();
  }

  @Test
  void supplementNobodyAskedForIsAConflict() {
    String no = api.submit(Submission.lowIncome()).body().get("applicationNo").asText();

    Api.Response response = api.postJson("/api/applications/" + no + "/supplements", DOCUMENTS, new HttpHeaders());

    assertThat(response.status()).isEqualTo(409);
    assertThat(response.body().get("type").asText()).isEqualTo("/problems/not-waiting-for-supplement");
  }

  @Test
  void supplementForAnUnknownApplicationIsNotFound() {
    Api.Response response =
        api.postJson("/api/applications/2026-SW-999997/supplements", DOCUMENTS, new HttpHeaders());

    assertThat(response.status()).isEqualTo(404);
  }

  @Test
  void supplementWithoutDocumentsListsTheField() {
    String no = askedForSupplement();

    Api.Response response =
        api.postJson("/api/applications/" + no + "/supplements", "{\"documents\": []}", new HttpHeaders());

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.invalidFields()).containsExactly("documents");
    assertThat(api.get("/api/applications/" + no).body().get("status").asText()).isEqualTo("SUPPLEMENT_REQUESTED");
  }
}
