package org.caserouting.changes;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.caserouting.platform.engine.task.TaskOutcome.REJECT;
import static org.caserouting.platform.engine.task.TaskOutcome.UPDATED;
import static org.caserouting.support.VerificationTest.AGENCIES;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.caserouting.mail.NotificationKind;
import org.caserouting.mail.NotificationRepository;
import org.caserouting.support.Api;
import org.caserouting.support.CaseWork;
import org.caserouting.support.VerificationTest;
import org.caserouting.verification.EvidenceLog;
import org.caserouting.verification.EvidenceOutcome;
import org.caserouting.verification.VerificationEvidence;
import org.caserouting.verification.XRoadClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * N-in-1 (N合一) as the counter clerk, the agencies and the citizen meet it: an address change
 * reported at the Da'an household registration office, the tax service taking it online (a real
 * HTTP endpoint, WireMock), the land office and the military service department by task.
 */
@VerificationTest
class ChangeNotificationTest {

  private static final String TAX_CHANGE_NOTICE = "/r1/TW/GOV/MOF-FIA/fiscal-information/change-notice/.*";
  private static final String COUNTER_CLERK = "hr-daan-clerk";

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @Autowired ChangeReporting changes;
  @Autowired NotificationRepository notifications;
  @Autowired EvidenceLog evidence;
  @Autowired XRoadClient client;

  @BeforeEach
  void taxServiceTakesChangesOnline() {
    AGENCIES.resetAll();
    client.resetCircuits();
    AGENCIES.stubFor(post(urlPathMatching(TAX_CHANGE_NOTICE)).willReturn(okJson("{\"result\":\"UPDATED\"}")));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private Api.Response report(List<String> consented) {
    return reportIn("\"DAAN\"", consented);
  }

  /** A move into the district (a JSON value, or null), reported at the Da'an counter. */
  private Api.Response reportIn(String district, List<String> consented) {
    return new Api(http, COUNTER_CLERK).postJson("/api/changes", """
        {"changeType": "ADDRESS",
         "subject": {"nationalId": "A123456789", "name": "王小明", "email": "wang@example.tw"},
         "district": %s,
         "details": "遷入：臺北市大安區和平東路二段106號5樓",
         "consentedAgencies": %s,
         "receivingAgency": "HR-DAAN"}""".formatted(district, consented.stream().map(a -> "\"" + a + "\"").toList()),
        new HttpHeaders());
  }

  private static List<String> agencies(JsonNode notices) {
    return notices.findValuesAsText("agency");
  }

  private Notice.Status status(String changeNo, String agency) {
    return changes.find(changeNo).notices().stream().filter(n -> n.agency().equals(agency)).findFirst().orElseThrow().status();
  }

  @Test
  void anAddressChangeReachesThreeAgenciesTwoByTaskOneOnlineAndTheCitizenIsToldEachAnswer() {
    Api.Response reported = report(List.of("REVENUE", "LO-DAAN", "MILITARY"));
    assertThat(reported.status()).as("%s", reported.body()).isEqualTo(201);
    String changeNo = reported.body().get("changeNo").asText();
    CaseWork work = new CaseWork(engine, changeNo);

    assertThat(changeNo).matches("\\d{4}-CN-\\d{6}");
    assertThat(agencies(reported.body().get("notices"))).containsExactly("REVENUE", "LO-DAAN", "MILITARY");
    assertThat(reported.body().get("notices").findValuesAsText("channel")).containsExactly("AUTOMATIC", "TASK", "TASK");
    assertThat(agencies(reported.body().get("informYourself"))).as("concerned, not consented").containsExactly("ENV");

    work.runAsyncContinuations();
    assertThat(status(changeNo, "REVENUE")).isEqualTo(Notice.Status.UPDATED);
    // This change's own notice: other tests report changes of the same person, which the job executor may send meanwhile.
    AGENCIES.verify(1, postRequestedFor(urlPathMatching("/r1/TW/GOV/MOF-FIA/fiscal-information/change-notice/A123456789"))
        .withRequestBody(matchingJsonPath("$.changeNo", equalTo(changeNo))));
    assertThat(evidence.of(changeNo)).extracting(VerificationEvidence::getOutcome).containsExactly(EvidenceOutcome.ANSWERED);
    assertThat(work.hasTaskFor("revenue-clerk")).isFalse();

    work.work("lo-daan-clerk", UPDATED, null);
    assertThat(changes.find(changeNo).status()).as("the military service has not answered").isEqualTo(ChangeReport.Status.IN_PROGRESS);
    work.work("military-clerk", UPDATED, "役籍資料已更新");

    ChangeView done = changes.find(changeNo);
    assertThat(done.status()).isEqualTo(ChangeReport.Status.COMPLETED);
    assertThat(done.notices()).extracting(ChangeView.AgencyNotice::status).containsOnly(Notice.Status.UPDATED);
    assertThat(work.ended()).isTrue();
    assertThat(notifications.findByApplicationNoOrderByCreatedAtAscIdAsc(changeNo))
        .satisfiesExactly(
            received -> {
              assertThat(received.getKind()).isEqualTo(NotificationKind.CHANGE_RECEIVED);
              assertThat(received.getMessageZh()).contains(changeNo, "請您自行通知：臺北市政府環境保護局");
            },
            completed -> {
              assertThat(completed.getKind()).isEqualTo(NotificationKind.CHANGE_COMPLETED);
              assertThat(completed.getMessageZh())
                  .contains("臺北市稅捐稽徵處：已更新", "臺北市大安地政事務所：已更新", "臺北市政府環境保護局：未經您同意通報，請自行辦理");
            });
  }

  @Test
  void onlyTheAgenciesTheCitizenConsentedToAreTold() {
    Api.Response reported = report(List.of("LO-DAAN"));
    String changeNo = reported.body().get("changeNo").asText();
    CaseWork work = new CaseWork(engine, changeNo);
    work.runAsyncContinuations();

    assertThat(agencies(reported.body().get("notices"))).containsExactly("LO-DAAN");
    assertThat(agencies(reported.body().get("informYourself"))).containsExactlyInAnyOrder("REVENUE", "MILITARY", "ENV");
    assertThat(work.hasTaskFor("lo-daan-clerk")).isTrue();
    assertThat(work.hasTaskFor("military-clerk")).isFalse();
    AGENCIES.verify(0, postRequestedFor(urlPathMatching(TAX_CHANGE_NOTICE)));
    assertThat(evidence.of(changeNo)).as("no agency was asked anything").isEmpty();
  }

  @Test
  void anAgencyThatCannotUpdateSaysWhyAndTheCitizenSeesIt() {
    String changeNo = report(List.of("MILITARY")).body().get("changeNo").asText();
    CaseWork work = new CaseWork(engine, changeNo);

    assertThatThrownBy(() -> work.work("military-clerk", REJECT, null)).as("a refusal must say why").isNotNull();
    work.work("military-clerk", REJECT, "當事人非本市役男，請洽戶籍地兵役單位");

    assertThat(status(changeNo, "MILITARY")).isEqualTo(Notice.Status.REJECTED);
    String page = trackPage(changeNo, "6789");
    assertThat(page).contains("當事人非本市役男，請洽戶籍地兵役單位", "未更新", "通報之機關均已回復");
  }

  @Test
  void anAgencyThatNeverAnswersIsRecordedAsSoAndTheChangeStillCompletes() {
    String changeNo = report(List.of("LO-DAAN", "MILITARY")).body().get("changeNo").asText();
    CaseWork work = new CaseWork(engine, changeNo);
    work.work("lo-daan-clerk", UPDATED, null);

    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(30))));
    work.fire(work.timer(ChangeNotificationProcess.Elements.ANSWER_OVERDUE));

    assertThat(status(changeNo, "MILITARY")).isEqualTo(Notice.Status.NO_ANSWER);
    assertThat(status(changeNo, "LO-DAAN")).isEqualTo(Notice.Status.UPDATED);
    assertThat(changes.find(changeNo).status()).isEqualTo(ChangeReport.Status.COMPLETED);
    assertThat(work.hasTaskFor("military-clerk")).isFalse();
  }

  @Test
  void whenTheOnlineUpdateKeepsFailingTheAgencysClerksGetTheTask() {
    AGENCIES.stubFor(post(urlPathMatching(TAX_CHANGE_NOTICE)).willReturn(aResponse().withStatus(500)));
    String changeNo = report(List.of("REVENUE")).body().get("changeNo").asText();
    CaseWork work = new CaseWork(engine, changeNo);

    work.runAsyncContinuations();

    assertThat(work.hasTaskFor("revenue-clerk")).isTrue();
    assertThat(changes.find(changeNo).notices()).singleElement()
        .satisfies(n -> assertThat(n.channel()).isEqualTo(Notice.Channel.TASK))
        .satisfies(n -> assertThat(n.status()).isEqualTo(Notice.Status.WAITING));
    assertThat(evidence.of(changeNo)).extracting(VerificationEvidence::getOutcome)
        .hasSizeGreaterThan(1).containsOnly(EvidenceOutcome.FAILED);
    assertThat(evidence.intact(changeNo)).isTrue();
    work.work("revenue-clerk", UPDATED, "以公文通報後更新");
    assertThat(changes.find(changeNo).status()).isEqualTo(ChangeReport.Status.COMPLETED);
  }

  @Test
  void aChangeIsRefusedWholeForAnAgencyItDoesNotConcernOrAtAnotherAgencysCounter() {
    long before = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ChangeNotificationProcess.KEY).count();

    Api.Response unrelated = report(List.of("REVENUE", "POLICE"));
    Api.Response elsewhere = new Api(http, "do-daan-clerk").postJson("/api/changes", """
        {"changeType": "ADDRESS", "subject": {"nationalId": "A123456789", "name": "王小明"}, "district": "DAAN",
         "details": "遷入", "consentedAgencies": [], "receivingAgency": "HR-DAAN"}""", new HttpHeaders());

    assertThat(unrelated.status()).isEqualTo(400);
    assertThat(unrelated.invalidFields()).containsExactly("consentedAgencies[1]");
    assertThat(elsewhere.status()).isEqualTo(403);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ChangeNotificationProcess.KEY).count())
        .isEqualTo(before);
  }

  @Test
  void theLandOfficeToldIsTheOneThatKeepsTheDistrictsRegister() {
    Api.Response beitou = reportIn("\"BEITOU\"", List.of("LO-SHILIN"));
    Api.Response northZhongzheng = reportIn("\"ZHONGZHENG_NORTH\"", List.of());
    Api.Response wrongOffice = reportIn("\"BEITOU\"", List.of("LO-DAAN"));
    Api.Response noDistrict = reportIn("null", List.of());

    assertThat(beitou.status()).as("%s", beitou.body()).isEqualTo(201);
    assertThat(agencies(beitou.body().get("notices"))).containsExactly("LO-SHILIN");
    assertThat(agencies(beitou.body().get("informYourself"))).doesNotContain("LO-DAAN", "LO-SHILIN");
    assertThat(agencies(northZhongzheng.body().get("informYourself"))).contains("LO-JIANCHENG").doesNotContain("LO-GUTING");
    assertThat(wrongOffice.status()).isEqualTo(400);
    assertThat(wrongOffice.invalidFields()).containsExactly("consentedAgencies[0]");
    assertThat(noDistrict.status()).isEqualTo(400);
    assertThat(noDistrict.invalidFields()).containsExactly("district");
  }

  @Test
  void aChangeIsReadByItsCounterAndTheAgenciesToldNotByOthers() {
    String changeNo = report(List.of("LO-DAAN")).body().get("changeNo").asText();

    assertThat(new Api(http, COUNTER_CLERK).get("/api/changes/{no}", changeNo).status()).isEqualTo(200);
    assertThat(new Api(http, "lo-daan-chief").get("/api/changes/{no}", changeNo).status()).isEqualTo(200);
    assertThat(new Api(http, "military-clerk").get("/api/changes/{no}", changeNo).status())
        .as("concerned, but not told without consent").isEqualTo(403);
    assertThat(new Api(http, "econ-clerk").get("/api/changes/{no}", changeNo).status()).isEqualTo(403);
    assertThat(new Api(http, COUNTER_CLERK).get("/api/changes/{no}", "2026-CN-999999").status()).isEqualTo(404);
  }

  @Test
  void aResentChangeIsAnsweredOnlyToItsCounterAndOnlyForTheSameBody() {
    String body = """
        {"changeType": "ADDRESS", "subject": {"nationalId": "A123456789", "name": "王小明"}, "district": "DAAN",
         "details": "遷入：臺北市大安區", "consentedAgencies": ["LO-DAAN"], "receivingAgency": "HR-DAAN"}""";
    HttpHeaders key = new HttpHeaders();
    key.set("Idempotency-Key", java.util.UUID.randomUUID().toString());
    Api counter = new Api(http, COUNTER_CLERK);
    Api.Response first = counter.postJson("/api/changes", body, key);
    long reported = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ChangeNotificationProcess.KEY).count();

    Api.Response resent = counter.postJson("/api/changes", body, key);
    Api.Response otherBody = counter.postJson("/api/changes", body.replace("大安區", "信義區"), key);
    Api.Response otherCaller = new Api(http, "hr-daan-chief").postJson("/api/changes", body, key);

    assertThat(first.status()).isEqualTo(201);
    assertThat(resent.body().get("changeNo")).isEqualTo(first.body().get("changeNo"));
    assertThat(otherBody.status()).isEqualTo(409);
    assertThat(otherBody.body().get("changeNo")).isEqualTo(first.body().get("changeNo"));
    assertThat(otherCaller.status()).isEqualTo(409);
    assertThat(otherCaller.body().toString()).doesNotContain(first.body().get("changeNo").asText());
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ChangeNotificationProcess.KEY).count())
        .isEqualTo(reported);

    HttpHeaders unusable = new HttpHeaders();
    unusable.set("Idempotency-Key", "k".repeat(300));
    Api.Response refused = counter.postJson("/api/changes", body, unusable);
    assertThat(refused.status()).as("a key the database could not keep, as for applications").isEqualTo(400);
    assertThat(refused.invalidFields()).containsExactly("Idempotency-Key");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ChangeNotificationProcess.KEY).count())
        .isEqualTo(reported);
  }

  @Test
  void theDataExchangeReportCountsChangesPassedOnPerAgencyPair() {
    // The land office's director reads the pairs its agency is part of.
    Api landOffice = new Api(http, "lo-daan-director");
    long before = pairCount(landOffice, "HR-DAAN", "LO-DAAN");

    report(List.of("LO-DAAN", "MILITARY"));

    assertThat(pairCount(landOffice, "HR-DAAN", "LO-DAAN")).isEqualTo(before + 1);
    assertThat(landOffice.get("/api/reports/data-exchange").body())
        .as("the pairs of its own agency only")
        .allSatisfy(pair -> assertThat(List.of(pair.get("requestingAgency").asText(), pair.get("sourceAgency").asText()))
            .contains("LO-DAAN"));
    assertThat(new Api(http, "demo").get("/api/reports/data-exchange").body().findValuesAsText("sourceAgency"))
        .as("administrators see every pair").contains("LO-DAAN", "MILITARY");
    assertThat(new Api(http).get("/api/reports/data-exchange").status()).as("the portal").isEqualTo(403);
    assertThat(new Api(http, COUNTER_CLERK).get("/api/reports/data-exchange").status()).as("a clerk").isEqualTo(403);
  }

  private static long pairCount(Api api, String from, String to) {
    for (JsonNode pair : api.get("/api/reports/data-exchange").body()) {
      if (pair.get("requestingAgency").asText().equals(from) && pair.get("sourceAgency").asText().equals(to)) {
        return pair.get("changeNotices").asLong();
      }
    }
    return 0;
  }

  private String trackPage(String changeNo, String idSuffix) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    // A client address of its own, so that other tests' look-ups do not count against it.
    headers.set("X-Forwarded-For", "10.9.0.7");
    ResponseEntity<String> page = http.exchange("/track", HttpMethod.POST,
        new HttpEntity<>("applicationNo=" + changeNo + "&idSuffix=" + idSuffix, headers), String.class);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    return page.getBody();
  }
}
