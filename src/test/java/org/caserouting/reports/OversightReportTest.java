package org.caserouting.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.caserouting.deadlines.DeadlineWatch;
import org.caserouting.intake.IntakeProcess;
import org.caserouting.platform.WorkingDayCalendar;
import org.caserouting.supplementation.SupplementationProcess;
import org.caserouting.support.Api;
import org.caserouting.support.CaseRouterTest;
import org.caserouting.support.Submission;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The oversight figures for a seeded autumn at Shilin district office (an office no other test
 * uses), low-income applications with a limit of 30 working days, all received on Monday
 * 2026-10-05 but one, and checked against figures worked out by hand:
 *
 * <pre>
 *   A  decided 10-08                        lead  3            on time
 *   B  decided 11-19                        lead 32            late
 *   C  supplement asked 10-07, given 10-16  lead 33, paused 6  on time (27 counted)
 *   D  decided 11-24                        lead 35            late
 *   E  open at 11-30                        age 39
 *   F  received 11-02, open at 11-30        age 20
 * </pre>
 *
 * (2026-10-09 is a public holiday.) Over October and November: received 6, decided 4, on time 2
 * (50%), lead time median 32 and 90th percentile 35 (nearest rank of 3, 32, 33, 35), supplemented
 * 1 (25%), open 2, their age median 20 and oldest 39. And a road-use case's co-reviews, asked on
 * 10-05: the police answer on 10-07 (2 working days); public works never do (NO_RESPONSE).
 */
@CaseRouterTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OversightReportTest {

  static final String OFFICE = AutumnAtShilin.OFFICE;
  static final String PERIOD = "from=" + AutumnAtShilin.FROM + "&to=" + AutumnAtShilin.TO;

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @Autowired HistoryService history;
  @Autowired DeadlineWatch deadlines;
  @Autowired WorkingDayCalendar calendar;
  @Autowired JdbcTemplate jdbc;

  List<String> seeded;

  @BeforeAll
  void anAutumnAtShilin() {
    seeded = AutumnAtShilin.seeded(http, engine, deadlines);
  }

  @Test
  void theFiguresAreTheOnesWorkedOutByHand() {
    JsonNode report = new Api(http, "city-oversight").get("/api/reports/oversight?" + PERIOD + "&agency=" + OFFICE).body();

    assertThat(report.get("agencies")).hasSize(1);
    JsonNode shilin = report.get("agencies").get(0);
    assertThat(shilin.get("agencyName").asText()).contains("士林區公所");
    JsonNode total = shilin.get("total");
    assertThat(figures(total)).containsExactly(
        6L, 4L, 0L, 2L, 0.5, 32L, 35L, 1L, 0.25, 2L, 20L, 39L);
    assertThat(shilin.get("byType")).singleElement().satisfies(type -> {
      assertThat(type.get("caseType").asText()).isEqualTo("SW-LOW-INCOME");
      assertThat(figures(type.get("figures"))).isEqualTo(figures(total));
    });
  }

  @Test
  void coReviewsCountTheAnswersAndTheSilence() {
    JsonNode coReviews = new Api(http, "city-oversight")
        .get("/api/reports/oversight?" + PERIOD + "&caseType=TR-TEMPORARY-ROAD-USE").body().get("coReviews");

    assertThat(coReviews).hasSize(2);
    assertThat(coReviews.get(0).get("agency").asText()).isEqualTo("POLICE");
    assertThat(List.of(coReviews.get(0).get("asked").asLong(), coReviews.get(0).get("answered").asLong(),
        coReviews.get(0).get("noResponse").asLong(), coReviews.get(0).get("responseMedianDays").asLong()))
        .containsExactly(1L, 1L, 0L, 2L);
    assertThat(coReviews.get(1).get("agency").asText()).isEqualTo("WORKS");
    assertThat(List.of(coReviews.get(1).get("asked").asLong(), coReviews.get(1).get("answered").asLong(),
        coReviews.get(1).get("noResponse").asLong())).containsExactly(1L, 0L, 1L);
    assertThat(coReviews.get(1).get("responseMedianDays").isNull()).as("no answer, no response time").isTrue();
  }

  /**
   * The table the reports read agrees with the engine's own record of each case: received when its
   * process started, decided when it recorded the decision, paused while it waited for the
   * applicant's supplement.
   */
  @Test
  void theReportingTableAgreesWithTheEnginesHistory() {
    for (String no : seeded) {
      Map<String, Object> row = jdbc.queryForMap("select * from case_figures where application_no = ?", no);
      HistoricProcessInstance intake = history.createHistoricProcessInstanceQuery()
          .processDefinitionKey(IntakeProcess.KEY).processInstanceBusinessKey(no).singleResult();
      LocalDate received = calendar.dateOf(intake.getStartTime().toInstant());
      assertThat(row.get("received_on").toString()).as("%s received", no).isEqualTo(received.toString());

      int paused = history.createHistoricProcessInstanceQuery().rootProcessInstanceId(intake.getRootProcessInstanceId())
          .processDefinitionKey(SupplementationProcess.KEY).list().stream()
          .flatMap(called -> history.createHistoricActivityInstanceQuery().processInstanceId(called.getId())
              .activityId(SupplementationProcess.Elements.WAIT).finished().list().stream())
          .mapToInt(wait -> calendar.workingDaysBetween(calendar.dateOf(wait.getStartTime().toInstant()),
              calendar.dateOf(wait.getEndTime().toInstant())))
          .sum();
      assertThat(((Number) row.get("paused_working_days")).intValue()).as("%s paused", no).isEqualTo(paused);

      List<HistoricActivityInstance> decided = history.createHistoricActivityInstanceQuery()
          .processInstanceId(intake.getId()).activityId(IntakeProcess.Elements.RECORD_DECISION).finished().list();
      if (decided.isEmpty()) {
        assertThat(row.get("closed_on")).as("%s is open", no).isNull();
        continue;
      }
      LocalDate closed = calendar.dateOf(decided.get(0).getEndTime().toInstant());
      int lead = calendar.workingDaysBetween(received, closed);
      assertThat(row.get("closed_on").toString()).as("%s closed", no).isEqualTo(closed.toString());
      assertThat(((Number) row.get("lead_working_days")).intValue()).as("%s lead", no).isEqualTo(lead);
      assertThat(row.get("on_time")).as("%s on time", no).isEqualTo(lead - paused <= 30);
    }
  }

  @Test
  void eachPersonReadsOnlyWhatTheirRoleAllows() {
    assertThat(new Api(http, "do-shilin-chief").get("/api/reports/oversight?" + PERIOD).body()
        .get("agencies").findValuesAsText("agency")).as("a chief: their own agency").containsExactly(OFFICE);
    assertThat(new Api(http, "do-daan-director").get("/api/reports/oversight?" + PERIOD + "&agency=" + OFFICE).status())
        .as("another agency's director").isEqualTo(403);
    assertThat(new Api(http, "do-shilin-clerk").get("/api/reports/oversight?" + PERIOD).status()).isEqualTo(403);
    assertThat(new Api(http).get("/api/reports/oversight?" + PERIOD).status()).as("the portal").isEqualTo(403);

    Api.Response bad = new Api(http, "city-oversight").get("/api/reports/oversight?from=yesterday&to=2026-01-01&caseType=NOPE");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.invalidFields()).containsExactlyInAnyOrder("from", "caseType");
  }

  @Test
  void theCsvCarriesTheSameFiguresAndNoCitizen() {
    ResponseEntity<String> csv = http.withBasicAuth("city-oversight", "demo")
        .getForEntity("/api/reports/oversight.csv?" + PERIOD + "&agency=" + OFFICE, String.class);

    assertThat(csv.getStatusCode().value()).isEqualTo(200);
    assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
    List<String> lines = csv.getBody().lines().toList();
    assertThat(lines.get(0)).startsWith("\uFEFF起 From,迄 To,機關代碼 Agency code");
    assertThat(lines).contains(
        "2026-10-01,2026-11-30,DO-SHILIN,臺北市士林區公所 Shilin District Office,*,全部 All,6,4,0,2,0.5,32,35,1,0.25,2,20,39");
    for (String no : seeded) {
      assertThat(csv.getBody()).doesNotContain(no);
    }
    assertThat(csv.getBody()).doesNotContain("王小明").doesNotContain(Submission.WANG);
  }

  private static List<Object> figures(JsonNode f) {
    return List.of(f.get("received").asLong(), f.get("decided").asLong(), f.get("withdrawn").asLong(),
        f.get("onTime").asLong(), f.get("onTimeRate").asDouble(), f.get("leadTimeMedianDays").asLong(),
        f.get("leadTimeP90Days").asLong(), f.get("supplemented").asLong(), f.get("supplementRate").asDouble(),
        f.get("backlog").asLong(), f.get("backlogMedianAgeDays").asLong(), f.get("backlogOldestAgeDays").asLong());
  }
}
