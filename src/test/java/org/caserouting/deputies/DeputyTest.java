package org.caserouting.deputies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caserouting.platform.engine.task.TaskOutcome.APPROVE;
import static org.caserouting.platform.engine.task.TaskOutcome.REJECT;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.caserouting.cases.CaseEvent;
import org.caserouting.cases.CaseEventKind;
import org.caserouting.cases.CaseEventRepository;
import org.caserouting.support.Api;
import org.caserouting.support.CaseRouterTest;
import org.caserouting.support.Submission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Acting deputies (職務代理): while a chief is away, the deputy the director named finds the chief's
 * sign-offs, signs in the chief's stead, and the chain names both; when the period ends, nothing
 * stays with the deputy. Each test keeps to a district office no other test uses, and ends its
 * periods after itself.
 */
@CaseRouterTest
class DeputyTest {

  static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

  @Autowired TestRestTemplate http;
  @Autowired TaskService tasks;
  @Autowired FilterService filters;
  @Autowired AuthorizationService authorizations;
  @Autowired CaseEventRepository events;
  @Autowired Deputies deputies;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;

  Api api;
  final List<Long> named = new ArrayList<>();

  @BeforeEach
  void api() {
    api = new Api(http);
  }

  @AfterEach
  void endThePeriods() {
    ClockUtil.reset();
    for (long id : named) {
      jdbc.update("update acting_deputy set ended_at = coalesce(ended_at, ?), ended_by = coalesce(ended_by, 'test')"
          + " where id = ?", java.sql.Timestamp.from(clock.instant()), id);
    }
    deputies.sweep();
  }

  @Test
  void theDeputySignsInTheAbsentChiefsSteadAndTheChainNamesBoth() {
    String before = atTheChiefsSignOff("DO-XINYI");
    Api.Response period = name("do-xinyi-director", "do-xinyi-chief", "do-xinyi-clerk-2", "休假 Leave");
    assertThat(period.status()).as("%s", period.body()).isEqualTo(201);
    assertThat(period.body().path("state").asText()).isEqualTo("ACTING");
    String during = atTheChiefsSignOff("DO-XINYI");

    for (String no : List.of(before, during)) {
      assertThat(candidateUsers(signOffOf(no))).as("the chief's sign-off of %s is offered to the deputy", no)
          .contains("do-xinyi-clerk-2");
    }
    assertThat(api.engineGet("do-xinyi-clerk-2", "/filter?maxResults=50").body().findValuesAsText("name"))
        .as("the deputy gets the chief's list in Tasklist").contains("代理 do-xinyi-chief Acting for do-xinyi-chief");

    api.workTask("do-xinyi-clerk-2", before, APPROVE, org.caserouting.platform.engine.task.TaskOutcome.OPINION.of("如擬（代）"));

    JsonNode chain = api.get("/api/applications/" + before + "/sign-offs").body();
    assertThat(chain.get("verified").asBoolean()).isTrue();
    JsonNode signature = chain.get("signOffs").get(0);
    assertThat(signature.get("userId").asText()).isEqualTo("do-xinyi-clerk-2");
    assertThat(signature.get("actingFor").asText()).isEqualTo("do-xinyi-chief");
    assertThat(signature.get("role").asText()).as("signed in the chief's role").isEqualTo("CHIEF");

    // Who signed for whom is part of what the hash covers: dropping it breaks the chain.
    jdbc.execute("alter table sign_off disable trigger sign_off_append_only");
    try {
      jdbc.update("update sign_off set acting_for = null where application_no = ?", before);
    } finally {
      jdbc.execute("alter table sign_off enable trigger sign_off_append_only");
    }
    assertThat(api.get("/api/applications/" + before + "/sign-offs").body().get("verified").asBoolean()).isFalse();
  }

  @Test
  void whenThePeriodIsEndedEarlyTheWorkGoesBackAndTheDeputyKeepsNothing() {
    String held = atTheChiefsSignOff("DO-SONGSHAN");
    String pooled = atTheChiefsSignOff("DO-SONGSHAN");
    assertThat(api.enginePost("do-songshan-chief", "/task/" + signOffOf(held).getId() + "/claim",
        "{\"userId\":\"do-songshan-chief\"}").status()).isEqualTo(204);

    long id = name("do-songshan-director", "do-songshan-chief", "do-songshan-clerk-2", "公差 Official trip")
        .body().get("id").asLong();
    assertThat(signOffOf(held).getAssignee()).as("the chief's task in hand goes to the deputy")
        .isEqualTo("do-songshan-clerk-2");
    assertThat(api.enginePost("do-songshan-clerk-2", "/task/" + signOffOf(pooled).getId() + "/claim",
        "{\"userId\":\"do-songshan-clerk-2\"}").status()).as("the deputy takes one from the chief's list").isEqualTo(204);
    assertThat(deputyEvents(held)).extracting(CaseEvent::getDetail).singleElement().asString()
        .contains("do-songshan-chief → do-songshan-clerk-2", "代理 acting for do-songshan-chief");

    Api.Response byAClerk = new Api(http, "do-songshan-clerk").postJson("/api/deputies/" + id + "/end", "", new HttpHeaders());
    assertThat(byAClerk.status()).as("a clerk cannot end it").isEqualTo(403);
    Api.Response ended = new Api(http, "do-songshan-chief").postJson("/api/deputies/" + id + "/end", "", new HttpHeaders());
    assertThat(ended.status()).as("%s", ended.body()).isEqualTo(200);
    assertThat(ended.body().path("state").asText()).isEqualTo("ENDED");

    assertThat(signOffOf(held).getAssignee()).as("back to the chief who had it").isEqualTo("do-songshan-chief");
    assertThat(signOffOf(pooled).getAssignee()).as("back to the chief's list").isNull();
    for (String no : List.of(held, pooled)) {
      Task task = signOffOf(no);
      assertThat(candidateUsers(task)).doesNotContain("do-songshan-clerk-2");
      assertThat(authorizations.createAuthorizationQuery().userIdIn("do-songshan-clerk-2")
          .resourceType(Resources.TASK).resourceId(task.getId()).count()).as("no grant left on %s", no).isZero();
      assertThat(api.enginePost("do-songshan-clerk-2", "/task/" + task.getId() + "/claim",
          "{\"userId\":\"do-songshan-clerk-2\"}").status()).as("the deputy can no longer take %s", no).isIn(403, 404);
    }
    assertThat(filters.createFilterQuery().filterOwner("do-songshan-clerk-2").list())
        .extracting(org.camunda.bpm.engine.filter.Filter::getName).doesNotContain("代理 do-songshan-chief Acting for do-songshan-chief");
    assertThat(deputyEvents(held)).extracting(CaseEvent::getDetail).last().asString()
        .contains("do-songshan-clerk-2 → do-songshan-chief", "代理期間結束");
  }

  @Test
  void aPeriodThatRunsOutIsTakenBackByTheSweep() {
    String no = atTheChiefsSignOff("DO-NANGANG");
    name("do-nangang-director", "do-nangang-chief", "do-nangang-clerk-2", null);
    assertThat(candidateUsers(signOffOf(no))).contains("do-nangang-clerk-2");

    ClockUtil.setCurrentTime(Date.from(clock.instant().plus(Duration.ofDays(2))));
    deputies.sweep();

    assertThat(candidateUsers(signOffOf(no))).as("the period ran out").doesNotContain("do-nangang-clerk-2");
    assertThat(deputies.actingIn("do-nangang-chief")).isEmpty();
  }

  @Test
  void aDeputyWhoSignedTheDraftCannotSignItAgainInTheDirectorsStead() {
    Api.Response named = name("do-neihu-director", "do-neihu-director", "do-neihu-chief", null);
    assertThat(named.status()).as("%s", named.body()).isEqualTo(201);
    String no = submittedTo("DO-NEIHU");
    api.workTask("do-neihu-clerk", no, REJECT, org.caserouting.platform.engine.task.TaskOutcome.OPINION.of("所得超過標準"));
    api.workTask("do-neihu-chief", no, APPROVE);

    Task directors = signOffOf(no);
    assertThat(candidateUsers(directors)).contains("do-neihu-chief");
    assertThat(api.enginePost("do-neihu-chief", "/task/" + directors.getId() + "/claim",
        "{\"userId\":\"do-neihu-chief\"}").status()).isEqualTo(204);
    Api.Response second = api.enginePost("do-neihu-chief", "/task/" + directors.getId() + "/complete",
        "{\"variables\": {\"outcome\": {\"value\": \"APPROVE\"}}}");

    assertThat(second.status()).as("%s", second.body()).isEqualTo(400);
    assertThat(second.body().path("message").asText()).contains("您已核可過此稿");
    assertThat(api.get("/api/applications/" + no + "/sign-offs").body().get("signOffs")).hasSize(1);
  }

  @Test
  void nobodyActsForThemselvesNorInAChainNorAcrossAgenciesNorAboveTheirRank() {
    assertThat(refusals(name("do-datong-director", "do-datong-chief", "do-datong-chief", null)))
        .anySatisfy(message -> assertThat(message).contains("不能代理自己"));
    assertThat(refusals(name("do-datong-director", "do-datong-director", "do-datong-clerk", null)))
        .as("a clerk for a director").anySatisfy(message -> assertThat(message).contains("不低於被代理人一級"));
    assertThat(refusals(name("do-datong-director", "do-datong-chief", "econ-clerk", null)))
        .anySatisfy(message -> assertThat(message).contains("不是本機關人員"));

    assertThat(name("do-datong-director", "do-datong-chief", "do-datong-clerk", null).status()).isEqualTo(201);
    assertThat(refusals(name("do-datong-director", "do-datong-clerk", "do-datong-chief", null)))
        .as("a loop").anySatisfy(message -> assertThat(message).contains("deputies do not chain"));
    assertThat(refusals(name("do-datong-director", "do-datong-clerk-2", "do-datong-chief", null)))
        .as("the deputy of one is not away").isNotEmpty();
    assertThat(refusals(name("do-datong-director", "do-datong-chief", "do-datong-clerk-2", null)))
        .as("one deputy at a time").anySatisfy(message -> assertThat(message).contains("已有代理人"));

    assertThat(name("do-datong-clerk", "do-datong-clerk-2", "do-datong-clerk", null).status())
        .as("a clerk names nobody").isEqualTo(403);
    assertThat(name("do-datong-chief", "do-datong-director", "do-datong-chief", null).status())
        .as("a chief does not name the director's deputy").isEqualTo(403);
    assertThat(name("econ-director", "do-datong-clerk", "do-datong-clerk-2", null).status())
        .as("another agency's director").isEqualTo(403);

    Api.Response incomplete = new Api(http, "do-datong-director").postJson("/api/deputies",
        "{\"absentUserId\":\" \",\"from\":\"tomorrow\"}", jsonHeaders());
    assertThat(incomplete.status()).isEqualTo(400);
    assertThat(incomplete.invalidFields()).contains("absentUserId", "deputyUserId", "from", "to");
  }

  @Test
  void aTaskIsNotHandedToSomeoneAwayButToTheirDeputy() {
    String no = submittedTo("DO-WANHUA");
    name("do-wanhua-director", "do-wanhua-clerk", "do-wanhua-clerk-2", null);
    Task review = signOffOf(no);

    Api.Response refused = api.enginePost("do-wanhua-chief", "/task/" + review.getId() + "/assignee",
        "{\"userId\":\"do-wanhua-clerk\"}");
    assertThat(refused.status()).as("%s", refused.body()).isEqualTo(400);
    assertThat(refused.body().path("message").asText()).contains("do-wanhua-clerk-2");
    assertThat(api.enginePost("do-wanhua-chief", "/task/" + review.getId() + "/assignee",
        "{\"userId\":\"do-wanhua-clerk-2\"}").status()).isEqualTo(204);
  }

  /** A low-income application at the office, its clerk's review done: the chief's sign-off waits. */
  private String atTheChiefsSignOff(String office) {
    String no = submittedTo(office);
    String clerk = office.toLowerCase() + "-clerk";
    api.workTask(clerk, no, APPROVE, org.caserouting.platform.engine.task.TaskOutcome.OPINION.of("擬陳轉社會局"));
    return no;
  }

  private String submittedTo(String office) {
    return api.submit(Submission.lowIncome().set("receivingAgency", office)).body().get("applicationNo").asText();
  }

  private Api.Response name(String by, String absent, String deputy, String reason) {
    LocalDateTime now = LocalDateTime.now(clock.withZone(TAIPEI));
    String body = "{\"absentUserId\":\"%s\",\"deputyUserId\":\"%s\",\"from\":\"%s\",\"to\":\"%s\"%s}".formatted(
        absent, deputy, now.minusMinutes(1).withNano(0), now.plusDays(1).withNano(0),
        reason == null ? "" : ",\"reason\":\"" + reason + "\"");
    Api.Response response = new Api(http, by).postJson("/api/deputies", body, jsonHeaders());
    if (response.status() == 201) {
      named.add(response.body().get("id").asLong());
    }
    return response;
  }

  private static List<String> refusals(Api.Response response) {
    assertThat(response.status()).as("%s", response.body()).isEqualTo(422);
    return response.body().path("errors").findValuesAsText("message");
  }

  private Task signOffOf(String no) {
    return tasks.createTaskQuery().processInstanceBusinessKey(no).singleResult();
  }

  private List<String> candidateUsers(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getUserId)
        .filter(user -> user != null).toList();
  }

  private List<CaseEvent> deputyEvents(String no) {
    return events.findByApplicationNoOrderByOccurredAtAscIdAsc(no).stream()
        .filter(event -> event.getKind() == CaseEventKind.ACTING_DEPUTY).toList();
  }

  private static HttpHeaders jsonHeaders() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    return headers;
  }
}
