package org.caserouting.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caserouting.platform.engine.task.TaskOutcome.AGREE;
import static org.caserouting.platform.engine.task.TaskOutcome.AGREE_WITH_CONDITIONS;
import static org.caserouting.platform.engine.task.TaskOutcome.APPROVE;
import static org.caserouting.platform.engine.task.TaskOutcome.ATTEND;
import static org.caserouting.platform.engine.task.TaskOutcome.OPINION;
import static org.caserouting.review.JointReviewProcess.Variables.CONDITIONS;
import static org.caserouting.review.JointReviewProcess.Variables.FINDINGS;
import static org.caserouting.review.JointReviewProcess.Variables.INSPECTION_AT;
import static org.caserouting.review.JointReviewProcess.Variables.INSPECTION_PLACE;
import static org.caserouting.review.JointReviewProcess.Variables.MINUTES;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.caserouting.platform.Variable;
import org.caserouting.platform.engine.task.TaskOutcome;
import org.caserouting.support.Api;
import org.caserouting.support.CaseRouterTest;
import org.caserouting.support.CaseWork;
import org.caserouting.support.Submission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * A special entertainment business registration (特定行業) from the portal's POST to its decision:
 * Economic Development leads, building management, fire and police co-review after a joint site
 * inspection, every task claimed and completed through the engine REST API by the demo users.
 */
@CaseRouterTest
class SpecialEntertainmentThroughTasklistApiTest {

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  Api api;
  CaseWork engineWork;

  @BeforeEach
  void api() {
    api = new Api(http);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** The user's task through the engine REST API; then the engine's own next steps. */
  private void work(String user, String no, TaskOutcome outcome, Variable.Value<?>... fields) {
    api.workTask(user, no, outcome, fields);
    engineWork.runAsyncContinuations();
  }

  @Test
  void economicDevelopmentLeadsThreeAgenciesThroughAnInspectionToApproval() {
    Api.Response submitted =
        api.submit(
            Submission.of("IN-SPECIAL-ENTERTAINMENT")
                .document("UPLOADABLE", "營業場所平面配置圖")
                .set("site", java.util.Map.of("address", "臺北市中山區林森北路100號2樓", "zone", "COMMERCIAL")));
    assertThat(submitted.status()).as("%s", submitted.body()).isEqualTo(201);
    assertThat(submitted.body().get("route").asText()).isEqualTo("HORIZONTAL");
    String no = submitted.body().get("applicationNo").asText();
    engineWork = new CaseWork(engine, no);
    String inspectionAt =
        ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(7)).atZone(ZoneId.of("Asia/Taipei"))
            .toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).toString();

    work("econ-clerk", no, APPROVE);
    work("econ-clerk", no, APPROVE, INSPECTION_AT.of(inspectionAt), INSPECTION_PLACE.of("林森北路100號2樓"));
    for (String agency : new String[] {"building", "fire", "police"}) {
      work(agency + "-clerk", no, ATTEND);
    }
    ClockUtil.setCurrentTime(Date.from(engineWork.timer(JointReviewProcess.Elements.INSPECTION_HELD).getDuedate().toInstant().plusSeconds(60)));
    engineWork.fire(engineWork.timer(JointReviewProcess.Elements.INSPECTION_HELD));
    work("building-clerk", no, AGREE, FINDINGS.of("用途相符"));
    work("fire-clerk", no, AGREE_WITH_CONDITIONS, CONDITIONS.of("增設緊急照明"), FINDINGS.of("逃生指示不足"));
    work("police-clerk", no, AGREE, FINDINGS.of("無治安顧慮"));
    work("econ-clerk", no, APPROVE, MINUTES.of("三機關到場會勘，消防局要求增設緊急照明。"));
    for (String agency : new String[] {"building", "fire", "police"}) {
      work(agency + "-chief", no, APPROVE);
    }
    work("econ-clerk", no, APPROVE, OPINION.of("准予登記"));
    work("econ-chief", no, APPROVE);

    JsonNode decided = api.get("/api/applications/" + no).body();
    assertThat(decided.get("status").asText()).isEqualTo("DECIDED");
    assertThat(decided.get("decision").asText()).isEqualTo("APPROVED");
    assertThat(decided.get("decisionReason").asText()).contains("FIRE：增設緊急照明");
    JsonNode chain = api.get("/api/applications/" + no + "/sign-offs").body();
    assertThat(chain.get("verified").asBoolean()).isTrue();
    assertThat(chain.get("signOffs").findValuesAsText("userId"))
        .containsExactlyInAnyOrder("building-chief", "fire-chief", "police-chief", "econ-chief");
  }
}
