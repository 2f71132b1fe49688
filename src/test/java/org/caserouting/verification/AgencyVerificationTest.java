package org.caserouting.verification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.caserouting.platform.engine.task.TaskOutcome.APPROVE;
import static org.caserouting.support.VerificationTest.AGENCIES;
import static org.caserouting.verification.VerificationProcess.Variables.MANUAL_ANSWER;
import static org.caserouting.verification.VerificationProcess.Variables.MANUAL_REFERENCE;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.caserouting.cases.CaseVariables;
import org.caserouting.cases.SiteZone;
import org.caserouting.cases.SubmitApplicationRequest;
import org.caserouting.cases.SubmitApplicationRequest.Applicant;
import org.caserouting.cases.SubmitApplicationRequest.Document;
import org.caserouting.cases.SubmitApplicationRequest.Site;
import org.caserouting.cases.SubmitApplicationRequest.SubmittedVia;
import org.caserouting.catalog.District;
import org.caserouting.catalog.DocumentClass;
import org.caserouting.intake.IntakeService;
import org.caserouting.platform.Variable;
import org.caserouting.support.Api;
import org.caserouting.support.CaseWork;
import org.caserouting.support.CatalogExamples;
import org.caserouting.support.Submission;
import org.caserouting.support.VerificationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Verification against agencies over real HTTP (WireMock): each way an agency can answer or fail,
 * each refusal, and the evidence each leaves.
 */
@VerificationTest
class AgencyVerificationTest {

  private static final String HOUSEHOLD = "/r1/TW/GOV/MOI-DHR/household-registration/household/.*";
  private static final String TAX = "/r1/TW/GOV/MOF-FIA/fiscal-information/tax/.*";
  private static final String WELFARE = "/r1/TW/GOV/TPE-SOCIAL/welfare-status/welfare/.*";
  private static final String INSURANCE = "/r1/TW/GOV/MOL-BLI/labour-insurance/insured-salary/.*";

  @Autowired ProcessEngine engine;
  @Autowired IntakeService intake;
  @Autowired EvidenceLog evidence;
  @Autowired XRoadClient client;
  @Autowired TestRestTemplate http;
  @Autowired MeterRegistry meters;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;

  @BeforeEach
  void resetAgencies() {
    AGENCIES.resetAll();
    client.resetCircuits();
  }

  private CaseWork submit(String caseType, boolean consent) {
    SubmitApplicationRequest request =
        new SubmitApplicationRequest(
            caseType,
            new Applicant(Submission.WANG, "王小明", "wang@example.tw", null, District.DAAN),
            List.of(new Document(DocumentClass.UPLOADABLE, "存摺封面影本")),
            new Site("臺北市中山區林森北路100號2樓", "ZS-0123-0000", SiteZone.COMMERCIAL, District.ZHONGSHAN),
            SubmittedVia.ONLINE,
            consent,
            null,
            CatalogExamples.applicationData(caseType),
            null);
    return new CaseWork(engine, intake.submit(request, null).answer().applicationNo());
  }

  private void agenciesAnswerLowIncome() {
    AGENCIES.stubFor(get(urlPathMatching(HOUSEHOLD)).willReturn(okJson(
        "{\"members\": [{\"nationalId\": \"A123456789\", \"name\": \"王小明\", \"relation\": \"SELF\"},"
            + " {\"nationalId\": \"F231234561\", \"name\": \"林美麗\", \"relation\": \"SPOUSE\"}],"
            + " \"address\": \"臺北市大安區和平東路二段106號\"}")));
    AGENCIES.stubFor(get(urlPathMatching(TAX)).willReturn(okJson(
        "{\"income\": {\"salary\": 120000}, \"property\": {\"deposits\": 1000}}")));
    AGENCIES.stubFor(get(urlPathMatching(WELFARE)).willReturn(okJson("{\"status\": \"一般戶 NONE\"}")));
    AGENCIES.stubFor(get(urlPathMatching(INSURANCE)).willReturn(okJson("{\"insuredSalary\": 27600}")));
  }

  private List<EvidenceOutcome> outcomes(CaseWork work) {
    return evidence.of(work.applicationNo()).stream().map(VerificationEvidence::getOutcome).toList();
  }

  /** The case file as the receiving agency's clerk opens it from the review task. */
  private String caseFileOf(CaseWork work) {
    var session = org.caserouting.support.WebappSession.signIn("http://localhost:" + port, "tasklist", "do-daan-clerk",
        engine.getName());
    var page = session.open("/cases/" + work.applicationNo());
    assertThat(page.status()).as("signed in: %s, %s", session.signedIn(), page.location()).isEqualTo(200);
    return page.text();
  }

  /** Runs the case's pending verification job once, as the job executor would at its due time. */
  private void runVerificationJobOnce(CaseWork work) {
    Job job =
        engine.getManagementService().createJobQuery().activityId("queryAgency").list().stream()
            .filter(j -> engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(j.getProcessInstanceId()).processInstanceBusinessKey(work.applicationNo()).count() > 0)
            .findFirst()
            .orElseThrow();
    try {
      engine.getManagementService().executeJob(job.getId());
    } catch (RuntimeException failedAttempt) {
      // the engine records the failure and schedules the retry
    }
  }

  /** What /actuator/prometheus shows as caserouting_verification_calls_total for this agency and outcome. */
  private double calls(String agency, EvidenceOutcome outcome) {
    return meters.find("caserouting.verification.calls").tag("agency", agency).tag("outcome", outcome.name())
        .counters().stream().mapToDouble(Counter::count).sum();
  }

  @Test
  void lowIncomeHouseholdIsVerifiedAndTheClerkSeesWhatEachSourceSaid() {
    agenciesAnswerLowIncome();
    double answeredBefore = calls("HR-DAAN", EvidenceOutcome.ANSWERED);
    CaseWork work = submit("SW-LOW-INCOME", true);

    work.runAsyncContinuations();

    assertThat(calls("HR-DAAN", EvidenceOutcome.ANSWERED)).as("household calls counted for operators")
        .isGreaterThan(answeredBefore);
    assertThat(work.taskFor("do-daan-clerk").getTaskDefinitionKey()).isEqualTo("reviewByReceivingAgency");
    assertThat(outcomes(work)).as("household, tax and insured salary of two, welfare")
        .containsOnly(EvidenceOutcome.ANSWERED).hasSize(6);
    assertThat(evidence.intact(work.applicationNo())).isTrue();
    AGENCIES.verify(getRequestedFor(urlPathMatching(HOUSEHOLD))
        .withQueryParam("fields", equalTo("members,address,relatives"))
        .withHeader("X-Road-Client", equalTo("TW/GOV/TPE-DOIT/case-router"))
        .withHeader("X-Road-Issue", equalTo(work.applicationNo())));

    // The clerk reads each answer in the case file, with its source and time, and every query with its outcome.
    assertThat(caseFileOf(work)).contains("機關查證回覆 What the agencies answered",
        "Household registration 戶籍 — 臺北市大安區戶政事務所", "戶內人口 Household members", "林美麗",
        "戶籍地址 Registered address", "臺北市大安區和平東路二段106號",
        "Tax 財稅 — 臺北市稅捐稽徵處", "120000", "已回覆 Answered");
  }

  @Test
  void whatAnAgencySendsBeyondTheFieldsAskedIsNotKept() {
    agenciesAnswerLowIncome();
    AGENCIES.stubFor(get(urlPathMatching(WELFARE)).willReturn(okJson(
        "{\"status\": \"一般戶 NONE\", \"diagnosis\": \"思覺失調症\", \"caseWorker\": \"陳社工\"}")));
    CaseWork work = submit("SW-LOW-INCOME", true);
    work.runAsyncContinuations();

    List<String> kept = jdbc.queryForList(
        "select body from verification_result where application_no = ? and service = 'WELFARE'", String.class,
        work.applicationNo());
    assertThat(kept).hasSize(1);
    assertThat(kept.get(0)).contains("一般戶 NONE").doesNotContain("diagnosis", "思覺失調症", "caseWorker");
  }

  @Test
  void anEditedOrRemovedQueryShowsInWhoLookedAtMyData() {
    agenciesAnswerLowIncome();
    CaseWork work = submit("SW-LOW-INCOME", true);
    work.runAsyncContinuations();
    String no = work.applicationNo();
    assertThat(dataAccess(no).get("intact").asBoolean()).isTrue();

    // Someone who can switch the append-only guard off narrows what one query read.
    unguarded(() -> jdbc.update("update verification_evidence set fields = 'income' where application_no = ? and seq = 2", no));
    assertThat(dataAccess(no).get("intact").asBoolean()).as("an edited row").isFalse();

    unguarded(() -> jdbc.update("delete from verification_evidence where application_no = ? and seq = 2", no));
    assertThat(dataAccess(no).get("accesses")).as("six queries, one taken out").hasSize(5);
    assertThat(dataAccess(no).get("intact").asBoolean()).as("a row taken out of the middle").isFalse();
  }

  private JsonNode dataAccess(String applicationNo) {
    Api.Response response = new Api(http).get("/api/applications/" + applicationNo + "/data-access");
    assertThat(response.status()).isEqualTo(200);
    return response.body();
  }

  private void unguarded(Runnable change) {
    jdbc.execute("alter table verification_evidence disable trigger verification_evidence_append_only");
    try {
      change.run();
    } finally {
      jdbc.execute("alter table verification_evidence enable trigger verification_evidence_append_only");
    }
  }

  @Test
  void anAgencyThatFailsOnceIsAskedAgainWithTheSameMessageId() {
    agenciesAnswerLowIncome();
    AGENCIES.stubFor(get(urlPathMatching(HOUSEHOLD)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(500)).willSetStateTo("recovered"));
    AGENCIES.stubFor(get(urlPathMatching(HOUSEHOLD)).inScenario("flaky").whenScenarioStateIs("recovered")
        .willReturn(okJson("{\"members\": [], \"address\": \"臺北市大安區\"}")));
    CaseWork work = submit("SW-LOW-INCOME", true);

    runVerificationJobOnce(work);
    work.runAsyncContinuations();

    assertThat(outcomes(work)).startsWith(EvidenceOutcome.FAILED, EvidenceOutcome.ANSWERED);
    List<VerificationEvidence> rows = evidence.of(work.applicationNo());
    assertThat(rows.get(0).getXroadId()).isEqualTo(rows.get(1).getXroadId());
    assertThat(work.taskFor("do-daan-clerk").getTaskDefinitionKey()).isEqualTo("reviewByReceivingAgency");
  }

  private void failUntilRetriesAreSpent(CaseWork work) {
    for (int attempt = 0; attempt < 4; attempt++) {
      runVerificationJobOnce(work);
      if (work.hasTaskFor("do-daan-clerk")) {
        return;
      }
    }
  }

  @Test
  void aTimeoutOnEveryRetryBecomesAContactSlipToTheSourceAgencysClerksNotAStuckCase() {
    agenciesAnswerLowIncome();
    AGENCIES.stubFor(get(urlPathMatching(HOUSEHOLD)).willReturn(okJson("{}").withFixedDelay(3000)));
    double failedBefore = calls("HR-DAAN", EvidenceOutcome.FAILED);
    long slipsBefore = contactSlips("DO-DAAN", "HR-DAAN");
    CaseWork work = submit("SW-LOW-INCOME", true);

    for (int attempt = 0; attempt < 4 && !work.hasTaskFor("hr-daan-clerk"); attempt++) {
      runVerificationJobOnce(work);
    }

    assertThat(calls("HR-DAAN", EvidenceOutcome.FAILED)).as("every failed attempt counted for operators")
        .isEqualTo(failedBefore + outcomes(work).size());
    assertThat(outcomes(work)).containsOnly(EvidenceOutcome.FAILED);
    Task slip = work.taskFor("hr-daan-clerk");
    assertThat(slip.getTaskDefinitionKey()).isEqualTo(ContactSlipProcess.Elements.ANSWER);
    assertThat(work.hasTaskFor("do-daan-clerk")).as("the receiving agency waits for the answer").isFalse();

    // The household registration office sees the question and whose records, and nothing else of the case.
    // This test's context runs the engine named "verification" (see VerificationTest).
    Api api = new Api(http);
    JsonNode variables = api.engineGet("hr-daan-clerk", "/engine/verification/task/" + slip.getId() + "/variables").body();
    assertThat(variables.path("slipQuestion").path("value").asText()).as("%s", variables).contains("members,address");
    assertThat(variables.get("slipSubject").get("value").asText()).isEqualTo("王小明 " + Submission.WANG);
    assertThat(variables.get("requestingAgencyName").get("value").asText()).contains("大安區公所");
    assertThat(variables.has("applicantEmail")).isFalse();
    assertThat(variables.has("documentsSummary")).isFalse();
    assertThat(variables.has("siteAddress")).isFalse();
    assertThat(new Api(http, "hr-daan-clerk").get("/api/applications/" + work.applicationNo()).status())
        .as("the case itself stays closed to the source agency").isEqualTo(403);
    JsonNode visible = api.engineGet("hr-daan-clerk", "/engine/verification/process-instance?maxResults=50&businessKey=" + work.applicationNo()).body();
    assertThat(visible.isArray()).as("%s", visible).isTrue();
    assertThat(visible).as("only the slip's own instance").hasSize(1)
        .allSatisfy(instance -> assertThat(instance.path("definitionId").asText()).as("%s", instance)
            .startsWith(ContactSlipProcess.KEY + ":"));

    work.work("hr-daan-clerk", APPROVE, null, ContactSlipProcess.Variables.ANSWER.of("戶內 3 人；戶籍地址：臺北市大安區和平東路二段106號"),
        ContactSlipProcess.Variables.REFERENCE.of("北市大戶字第001號"));
    work.runAsyncContinuations();

    assertThat(work.taskFor("do-daan-clerk").getTaskDefinitionKey()).isEqualTo("reviewByReceivingAgency");
    assertThat(caseFileOf(work)).contains("Household registration 戶籍 — 臺北市大安區戶政事務所", "戶內 3 人", "北市大戶字第001號",
        "承辦人以聯繫單回覆");
    List<VerificationEvidence> rows = evidence.of(work.applicationNo());
    VerificationEvidence answered = rows.stream()
        .filter(row -> row.getOutcome() == EvidenceOutcome.ANSWERED_BY_CLERK).findFirst().orElseThrow();
    assertThat(answered.getSourceAgency()).isEqualTo("HR-DAAN");
    assertThat(answered.getUserId()).as("who looked, at the source").isEqualTo("hr-daan-clerk");
    assertThat(answered.getFields()).isEqualTo("members,address,relatives");
    assertThat(evidence.intact(work.applicationNo())).isTrue();
    assertThat(contactSlips("DO-DAAN", "HR-DAAN")).as("in the burden report").isEqualTo(slipsBefore + 1);
  }

  /** Contact slips the second agency answered for the first, as administrators read the burden report. */
  private long contactSlips(String asking, String answering) {
    for (JsonNode pair : new Api(http, "demo").get("/api/reports/data-exchange").body()) {
      if (pair.get("requestingAgency").asText().equals(asking) && pair.get("sourceAgency").asText().equals(answering)) {
        return pair.get("contactSlips").asLong();
      }
    }
    return 0;
  }

  @Test
  void malformedAnswerIsAFailureNotAResult() {
    agenciesAnswerLowIncome();
    AGENCIES.stubFor(get(urlPathMatching(HOUSEHOLD)).willReturn(aResponse().withStatus(200).withBody("{\"members\": [")));
    CaseWork work = submit("SW-LOW-INCOME", true);

    runVerificationJobOnce(work);

    assertThat(outcomes(work)).containsExactly(EvidenceOutcome.FAILED);
  }

  @Test
  void connectionResetIsAFailureNotAResult() {
    agenciesAnswerLowIncome();
    AGENCIES.stubFor(get(urlPathMatching(HOUSEHOLD)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    CaseWork work = submit("SW-LOW-INCOME", true);

    runVerificationJobOnce(work);

    assertThat(outcomes(work)).containsExactly(EvidenceOutcome.FAILED);
  }

  @Test
  void aDeadAgencyOpensItsCircuitAndIsNotCalledAgainForAWhile() {
    AGENCIES.stubFor(get(urlPathMatching("/r1/TW/GOV/TPE-SOCIAL/welfare-status/welfare/.*")).willReturn(aResponse().withStatus(503)));
    for (int i = 0; i < 6; i++) {
      try {
        client.get("WELFARE", "A123456789", "status", "circuit-" + i, "test", "2026-SW-000000");
      } catch (AgencyUnavailableException expected) {
        // counted by the breaker
      }
    }
    int callsBefore = AGENCIES.findAll(getRequestedFor(urlPathMatching(WELFARE))).size();

    boolean refusedAtOnce;
    try {
      client.get("WELFARE", "A123456789", "status", "circuit-open", "test", "2026-SW-000000");
      refusedAtOnce = false;
    } catch (AgencyUnavailableException open) {
      refusedAtOnce = open.getMessage().contains("circuit is open");
    }

    assertThat(refusedAtOnce).isTrue();
    assertThat(AGENCIES.findAll(getRequestedFor(urlPathMatching(WELFARE)))).hasSize(callsBefore);
  }

  @Test
  void noConsentMeansNoCallAndATaskToCollectTheDocuments() {
    agenciesAnswerLowIncome();
    CaseWork work = submit("SW-LOW-INCOME", false);

    work.runAsyncContinuations();

    assertThat(AGENCIES.findAll(getRequestedFor(anyUrl()))).isEmpty();
    Task manual = work.taskFor("do-daan-clerk");
    assertThat(manual.getTaskDefinitionKey()).isEqualTo("verifyManually");
    assertThat((String) engine.getTaskService().getVariable(manual.getId(), VerificationProcess.Variables.PROBLEM.name()))
        .contains("did not consent");
    assertThat(outcomes(work)).containsExactly(EvidenceOutcome.REFUSED_NO_CONSENT);
  }

  @Test
  void taxDataWithoutAMinistryApprovalIsNeverAskedFor() {
    agenciesAnswerLowIncome();
    CaseWork work = submit("SW-MIDDLE-LOW-INCOME", true);

    work.runAsyncContinuations();

    assertThat(AGENCIES.findAll(getRequestedFor(urlPathMatching(TAX)))).isEmpty();
    assertThat(outcomes(work)).containsExactly(EvidenceOutcome.ANSWERED, EvidenceOutcome.REFUSED_NO_TAX_APPROVAL);
    assertThat((String) engine.getTaskService().getVariable(work.taskFor("do-daan-clerk").getId(), VerificationProcess.Variables.PROBLEM.name()))
        .contains("Tax Collection Act §33");
  }

  @Test
  void aFieldOutsideTheScopeIsRefusedBeforeAnyCall() {
    // A process owner's step asking the household registration for more than the type may see.
    engine.getRepositoryService().createDeployment()
        .addClasspathResource("verification/over-asking.bpmn")
        .deploy();
    agenciesAnswerLowIncome();
    CaseWork work = submit("SW-LOW-INCOME", true);
    work.runAsyncContinuations();
    int callsBefore = AGENCIES.findAll(getRequestedFor(anyUrl())).size();

    engine.getRuntimeService().startProcessInstanceByKey("over-asking", work.applicationNo(),
        Variable.values(CaseVariables.RECEIVING_AGENCY.of("DO-DAAN")));
    work.runAsyncContinuations();

    assertThat(AGENCIES.findAll(getRequestedFor(anyUrl()))).hasSize(callsBefore);
    assertThat(outcomes(work)).endsWith(EvidenceOutcome.REFUSED_OUT_OF_SCOPE);
  }

  @Test
  void applicantSeesWhoLookedAtTheirDataAndWhy() throws Exception {
    agenciesAnswerLowIncome();
    CaseWork work = submit("SW-LOW-INCOME", true);
    work.runAsyncContinuations();

    Api.Response response = new Api(http).get("/api/applications/" + work.applicationNo() + "/data-access");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body().get("intact").asBoolean()).isTrue();
    assertThat(response.body().get("accesses")).hasSize(6);
    var first = response.body().get("accesses").get(0);
    assertThat(first.get("requestingAgency").asText()).isEqualTo("DO-DAAN");
    assertThat(first.get("sourceAgency").asText()).isEqualTo("HR-DAAN");
    assertThat(first.get("purpose").asText()).contains("低收入戶資格審核");
    assertThat(first.get("fields").asText()).isEqualTo("members,address,relatives");
    assertThat(first.has("userId")).isFalse();
    assertThat(first.has("xroadId")).isFalse();
    Api.Response report = new Api(http, "demo").get("/api/reports/data-exchange");
    assertThat(report.body().findValuesAsText("sourceAgency")).contains("HR-DAAN", "REVENUE", "SOCIAL");

    org.springframework.http.HttpHeaders idSuffix = new org.springframework.http.HttpHeaders();
    idSuffix.set("Applicant-Id-Suffix", "6789");
    var timeline = new com.fasterxml.jackson.databind.ObjectMapper().readTree(http.exchange(
        "/api/applications/{no}/timeline", org.springframework.http.HttpMethod.GET,
        new org.springframework.http.HttpEntity<>(idSuffix), String.class, work.applicationNo()).getBody());
    assertThat(timeline.get("dataAccess")).as("the applicant's own timeline lists the same").hasSize(6);
    assertThat(timeline.get("dataAccess").get(0).get("askedOf").get("code").asText()).isEqualTo("HR-DAAN");
    assertThat(timeline.get("dataAccess").get(0).get("purpose").asText()).contains("低收入戶資格審核");
  }

  @Test
  void lowIncomeCaseVerifiesAgainstTheBundledSimulator() {
    AGENCIES.stubFor(get(anyUrl()).willReturn(aResponse().proxiedFrom("http://localhost:" + port + "/simulator")));
    CaseWork work = submit("SW-LOW-INCOME", true);

    work.runAsyncContinuations();

    assertThat(work.taskFor("do-daan-clerk").getTaskDefinitionKey()).isEqualTo("reviewByReceivingAgency");
    assertThat(caseFileOf(work)).contains("王小明", "林美麗", "陳大同", "臺北市大安區和平東路二段106號", "180000", "96000");
    List<VerificationEvidence> queries = evidence.of(work.applicationNo());
    assertThat(queries).as("household, tax of three, welfare").filteredOn(q -> !q.getService().equals("INSURANCE"))
        .extracting(VerificationEvidence::getOutcome).containsOnly(EvidenceOutcome.ANSWERED).hasSize(5);
    assertThat(queries).as("the simulator holds no insured salary of the Wangs").filteredOn(q -> q.getService().equals("INSURANCE"))
        .extracting(VerificationEvidence::getOutcome).containsOnly(EvidenceOutcome.NOT_FOUND).hasSize(3);
  }
}
