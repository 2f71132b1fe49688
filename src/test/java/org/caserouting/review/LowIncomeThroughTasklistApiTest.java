package org.caserouting.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caserouting.platform.engine.task.TaskOutcome.APPROVE;
import static org.caserouting.platform.engine.task.TaskOutcome.OPINION;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.caserouting.platform.engine.task.TaskOutcome;
import org.caserouting.support.Api;
import org.caserouting.support.CaseRouterTest;
import org.caserouting.support.Colleagues;
import org.caserouting.support.Submission;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A low-income household status application from the portal's POST to its approval, worked
 * through the engine REST API, which Tasklist uses, by the demo users of the two agencies.
 */
@CaseRouterTest
class LowIncomeThroughTasklistApiTest {

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identity;
  Api api;

  @BeforeEach
  void api() {
    api = new Api(http);
  }

  private void work(String user, String applicationNo, TaskOutcome outcome, String opinion) {
    api.workTask(user, applicationNo, outcome, OPINION.of(opinion));
  }

  private String submitLowIncome() {
    Api.Response submitted = api.submit(Submission.lowIncome());
    assertThat(submitted.status()).isEqualTo(201);
    return submitted.body().get("applicationNo").asText();
  }

  @Test
  void districtOfficeForwardsAndSocialWelfareApproves() {
    String no = submitLowIncome();
    assertThat(api.engineGet("social-clerk", "/task?maxResults=50&processInstanceBusinessKey=" + no).body())
        .as("the department sees nothing before the district office forwards")
        .isEmpty();

    work("do-daan-clerk", no, APPROVE, "經訪視符合資格，擬陳轉社會局");
    work("do-daan-chief", no, APPROVE, "如擬");
    JsonNode inReview = api.get("/api/applications/" + no).body();
    assertThat(inReview.get("stages").get(0).get("agency").asText()).isEqualTo("SOCIAL");
    work("social-clerk", no, APPROVE, "核列低收入戶");
    work("social-chief", no, APPROVE, null);

    JsonNode decided = api.get("/api/applications/" + no).body();
    assertThat(decided.get("status").asText()).isEqualTo("DECIDED");
    assertThat(decided.get("decision").asText()).isEqualTo("APPROVED");
    assertThat(decided.get("decisionReason").asText()).isEqualTo("核列低收入戶");
    JsonNode chain = api.get("/api/applications/" + no + "/sign-offs").body();
    assertThat(chain.get("verified").asBoolean()).isTrue();
    assertThat(chain.get("signOffs").findValuesAsText("userId")).containsExactly("do-daan-chief", "social-chief");
  }

  @Test
  void anEditedSignOffIsRefusedByTheDatabaseAndDetectedByTheChain() {
    String no = submitLowIncome();
    work("do-daan-clerk", no, APPROVE, "擬陳轉");
    work("do-daan-chief", no, APPROVE, "如擬");

    boolean refused;
    try {
      jdbc.update("update sign_off set opinion = '不予同意' where application_no = ?", no);
      refused = false;
    } catch (RuntimeException expected) {
      refused = true;
    }
    assertThat(refused).as("the database refuses to change a sign-off").isTrue();

    // Someone who can switch the guard off can still edit a row: the chain shows it.
    jdbc.execute("alter table sign_off disable trigger sign_off_append_only");
    try {
      jdbc.update("update sign_off set opinion = '不予同意' where application_no = ?", no);
    } finally {
      jdbc.execute("alter table sign_off enable trigger sign_off_append_only");
    }
    JsonNode chain = api.get("/api/applications/" + no + "/sign-offs").body();
    assertThat(chain.get("verified").asBoolean()).isFalse();
    assertThat(chain.get("brokenAtSeq").asInt()).isEqualTo(1);
  }

  private String firstTaskId(String user, String applicationNo) {
    return api.engineGet(user, "/task?maxResults=50&processInstanceBusinessKey=" + applicationNo).body().get(0).get("id").asText();
  }

  private void colleague(String id, String... groups) {
    Colleagues.ensure(identity, id, groups);
  }


  @Test
  void anOutcomeTheTaskDoesNotOfferIsABadRequestAndChangesNothing() {
    String no = submitLowIncome();
    String taskId = firstTaskId("do-daan-clerk", no);

    Api.Response response =
        api.enginePost("do-daan-clerk", "/task/" + taskId + "/complete",
            "{\"variables\": {\"outcome\": {\"value\": \"MAYBE\"}}}");

    assertThat(response.status()).as("%s", response.body()).isEqualTo(400);
    assertThat(response.body().get("message").asText()).contains("outcome：須為 must be one of APPROVE, RETURN, REJECT");
    assertThat(firstTaskId("do-daan-clerk", no)).isEqualTo(taskId);
  }

  @Test
  void secondClerkToClaimATaskIsTold409() {
    colleague("do-daan-clerk-2", "do-daan-clerk");
    String no = submitLowIncome();
    String taskId = firstTaskId("do-daan-clerk", no);
    api.enginePost("do-daan-clerk", "/task/" + taskId + "/claim", "{\"userId\": \"do-daan-clerk\"}");

    Api.Response second =
        api.enginePost("do-daan-clerk-2", "/task/" + taskId + "/claim", "{\"userId\": \"do-daan-clerk-2\"}");

    assertThat(second.status()).isEqualTo(409);
    assertThat(second.body().get("message").asText()).contains("already claimed");
  }

  @Test
  void draftersOwnSignOffIsRefusedThroughTheRestApi() {
    colleague("do-daan-acting", "do-daan-clerk", "do-daan-chief");
    String no = submitLowIncome();
    work("do-daan-acting", no, APPROVE, "擬陳轉");
    String signOff = firstTaskId("do-daan-acting", no);

    Api.Response claim =
        api.enginePost("do-daan-acting", "/task/" + signOff + "/claim", "{\"userId\": \"do-daan-acting\"}");
    Api.Response complete =
        api.enginePost("do-daan-acting", "/task/" + signOff + "/complete",
            "{\"variables\": {\"outcome\": {\"value\": \"APPROVE\"}}}");

    assertThat(claim.status()).isEqualTo(400);
    assertThat(claim.body().get("message").asText()).contains("You drafted this decision");
    assertThat(complete.status()).isEqualTo(400);
    assertThat(api.get("/api/applications/" + no + "/sign-offs").body().get("signOffs")).isEmpty();
  }

  @Test
  void signOffsOfAnUnknownApplicationAreNotFound() {
    assertThat(api.get("/api/applications/2026-SW-999998/sign-offs").status()).isEqualTo(404);
  }
}
