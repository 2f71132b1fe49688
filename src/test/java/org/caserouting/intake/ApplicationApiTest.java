package org.caserouting.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RuntimeService;
import org.caserouting.cases.ApplicationRepository;
import org.caserouting.support.Api;
import org.caserouting.support.CaseRouterTest;
import org.caserouting.support.Submission;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

@CaseRouterTest
class ApplicationApiTest {

  @Autowired TestRestTemplate http;
  @Autowired ApplicationRepository applications;
  @Autowired RuntimeService runtime;
  Api api;

  @BeforeEach
  void api() {
    api = new Api(http);
  }

  /** Applications and running cases, to show that a refused request left nothing behind. */
  private long[] footprint() {
    return new long[] {applications.count(), runtime.createProcessInstanceQuery().count()};
  }

  @Test
  void acceptedApplicationGetsANumberARouteAndADueDate() {
    Api.Response response = api.submit(Submission.lowIncome());

    assertThat(response.status()).isEqualTo(201);
    String applicationNo = response.body().get("applicationNo").asText();
    assertThat(applicationNo).matches("\\d{4}-SW-\\d{6}");
    assertThat(response.headers().getLocation()).hasPath("/api/applications/" + applicationNo);
    assertThat(response.body().get("processInstanceId").asText()).isNotBlank();
    assertThat(response.body().get("channel").asText()).isEqualTo("ONLINE_WITH_FIELD_STEP");
    assertThat(response.body().get("route").asText()).isEqualTo("VERTICAL");
    assertThat(response.body().get("status").asText()).as("answered before the case starts").isEqualTo("RECEIVED");
    assertThat(response.body().get("dueDate").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
  }

  @Test
  void applicationShowsWhoHasItAndByWhen() {
    String applicationNo = api.submit(Submission.householdTranscript()).body().get("applicationNo").asText();

    Api.Response response = api.get("/api/applications/" + applicationNo);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body().get("status").asText()).isEqualTo("IN_REVIEW");
    var stage = response.body().get("stages").get(0);
    assertThat(stage.get("agency").asText()).isEqualTo("HR-DAAN");
    assertThat(stage.get("agencyNameZh").asText()).isEqualTo("臺北市大安區戶政事務所");
    assertThat(stage.get("role").asText()).isEqualTo("Clerk");
    assertThat(stage.get("dueDate").asText()).isNotBlank();
    assertThat(stage.get("claimed").asBoolean()).isFalse();
    assertThat(response.body().toString()).doesNotContain(Submission.WANG).doesNotContain("王小明");
  }

  @Test
  void numbersRunOnWithinACategory() {
    String first = api.submit(Submission.householdTranscript()).body().get("applicationNo").asText();
    String second = api.submit(Submission.householdTranscript()).body().get("applicationNo").asText();

    assertThat(Long.parseLong(second.substring(8))).isEqualTo(Long.parseLong(first.substring(8)) + 1);
    assertThat(second).startsWith(first.substring(0, 8));
  }

  @Test
  void everyInvalidFieldIsListedAtOnce() {
    long[] before = footprint();

    Api.Response response =
        api.submit(
            Submission.lowIncome()
                .set("caseTypeCode", "")
                .applicant("nationalId", "A123456788")
                .applicant("name", " ")
                .applicant("email", "not-an-address")
                .without("consentToDataQueries")
                .document("UPLOADABLE", ""));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.invalidFields())
        .containsExactlyInAnyOrder(
            "caseTypeCode", "applicant.nationalId", "applicant.name", "applicant.email", "consentToDataQueries",
            "documents[1].title");
    assertThat(footprint()).isEqualTo(before);
  }

  @Test
  void everyAnswerThatDoesNotFitTheTypesFormIsListedAndNothingIsStored() {
    long[] before = footprint();

    Api.Response response = api.submit(Submission.of("IN-FACTORY-REGISTRATION")
        .withoutData("factoryName")
        .data("industryCode", "10A1")
        .data("employees", 2.5)
        .data("floorAreaSqm", 0)
        .data("shareholders", 3));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.body().get("type").asText()).isEqualTo("/problems/invalid-request");
    assertThat(response.body().get("errors")).extracting(error -> error.get("field").asText() + ": " + error.get("message").asText())
        .containsExactlyInAnyOrder(
            "applicationData.factoryName: 必填 is required",
            "applicationData.industryCode: 格式不符 does not have the expected form (^[0-9]{4}$)",
            "applicationData.employees: 應為整數 must be a whole number",
            "applicationData.floorAreaSqm: 不得小於 1 must be at least 1",
            "applicationData.shareholders: 此類別的申請不含此欄位 is not a field of this application type");
    assertThat(footprint()).as("no half-written case").isEqualTo(before);
  }

  @Test
  void wrongAnswersToTheFormAreListedWithTheOtherWrongFields() {
    Api.Response response = api.submit(Submission.lowIncome().applicant("email", "not-an-address").data("householdMembers", 0));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.invalidFields()).containsExactlyInAnyOrder("applicant.email", "applicationData.householdMembers");
  }

  @Test
  void aChoiceADateAndAYesOrNoAreCheckedAsTheFormDeclaresThem() {
    Api.Response wrongChoice = api.submit(Submission.of("UD-SIGNBOARD").data("signType", "NEON").data("illuminated", "yes"));
    assertThat(wrongChoice.status()).isEqualTo(400);
    assertThat(wrongChoice.body().get("errors")).extracting(error -> error.get("field").asText() + ": " + error.get("message").asText())
        .containsExactlyInAnyOrder(
            "applicationData.signType: 應為下列之一 must be one of: FRONT, PROJECTING, ROOFTOP",
            "applicationData.illuminated: 應為是或否 must be true or false");

    Api.Response wrongDate = api.submit(Submission.of("TR-TEMPORARY-ROAD-USE").data("startDate", "2026-02-30"));
    assertThat(wrongDate.status()).isEqualTo(400);
    assertThat(wrongDate.body().get("errors")).extracting(error -> error.get("field").asText() + ": " + error.get("message").asText())
        .containsExactly("applicationData.startDate: 應為日期 YYYY-MM-DD must be a date, YYYY-MM-DD");

    Api.Response notAnObject = api.submit(Submission.householdTranscript().set("applicationData", List.of("copies", 2)));
    assertThat(notAnObject.status()).isEqualTo(400);
    assertThat(notAnObject.invalidFields()).containsExactly("applicationData");
  }

  @Test
  void answersThatFitTheFormAreAccepted() {
    Api.Response response = api.submit(Submission.of("UD-SIGNBOARD").data("signType", "PROJECTING")
        .data("widthMetres", 1.2).data("heightMetres", 3).data("illuminated", false));

    assertThat(response.status()).as("%s", response.body()).isEqualTo(201);
    assertThat(response.body().toString()).as("the answers stay with staff, not in the portal's view").doesNotContain("PROJECTING");
  }

  @ParameterizedTest
  @ValueSource(strings = {"A12345678", "a123456789", "A323456789", "A123456788", "1234567890"})
  void nationalIdMustHaveTheRightShapeAndCheckDigit(String nationalId) {
    Api.Response response = api.submit(Submission.lowIncome().applicant("nationalId", nationalId));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.invalidFields()).containsExactly("applicant.nationalId");
  }

  @Test
  void unknownApplicationTypeIsUnprocessable() {
    long[] before = footprint();

    Api.Response response = api.submit(Submission.of("NO-SUCH-TYPE"));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.body().get("type").asText()).isEqualTo("/problems/unknown-case-type");
    assertThat(footprint()).isEqualTo(before);
  }

  @Test
  void counterOnlyTypeSubmittedOnlineIsRefusedWithTheReason() {
    long[] before = footprint();

    Api.Response response = api.submit(Submission.of("LA-OWNERSHIP-TRANSFER")
        .set("site", Map.of("address", "臺北市大安區信義路三段 99 號", "district", "DAAN")));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.body().get("channel").asText()).isEqualTo("COUNTER_ONLY");
    assertThat(response.body().get("reasonCode").asText()).isEqualTo("NOT_ONLINE_ITEM");
    assertThat(response.body().get("reason").asText()).contains("臨櫃");
    assertThat(footprint()).isEqualTo(before);
  }

  @Test
  void counterOnlyTypeIsAcceptedAtTheCounterOfTheLandOfficeKeepingTheParcel() {
    Api.Response response = api.submit(Submission.of("LA-OWNERSHIP-TRANSFER").atCounter()
        .document("ORIGINAL_REQUIRED", "所有權狀正本")
        .set("site", Map.of("address", "臺北市大安區信義路三段 99 號", "landParcelNo", "大安段一小段 0123-0000", "district", "DAAN")));

    assertThat(response.status()).as("%s", response.body()).isEqualTo(201);
    assertThat(response.body().get("applicationNo").asText()).contains("-LA-");
    assertThat(response.body().get("receivingAgency").asText()).isEqualTo("LO-DAAN");
  }

  @Test
  void aTypeReceivedByRuleGoesToTheOfficeOfTheDistrictTheApplicationNames() {
    assertThat(api.submit(Submission.lowIncome().applicant("registeredDistrict", "BEITOU")).body().get("receivingAgency").asText())
        .as("welfare is received where the household is registered").isEqualTo("DO-BEITOU");
    assertThat(api.submit(Submission.of("LA-BOUNDARY-SURVEY").atCounter()
            .set("site", Map.of("address", "臺北市北投區中和街 1 號", "district", "BEITOU"))).body().get("receivingAgency").asText())
        .as("Beitou's parcels are kept by the Shilin land office").isEqualTo("LO-SHILIN");
    assertThat(api.submit(Submission.of("LA-BOUNDARY-SURVEY").atCounter()
            .set("site", Map.of("address", "臺北市中正區重慶南路一段 122 號", "district", "ZHONGZHENG_NORTH"))).body()
        .get("receivingAgency").asText())
        .as("north of Aiguo Road, Zhongzheng's parcels are Jiancheng's").isEqualTo("LO-JIANCHENG");
  }

  @Test
  void aTypeReceivedByRuleNeedsTheDistrictItsRuleReads() {
    long[] before = footprint();

    Api.Response response = api.submit(Submission.lowIncome().applicant("registeredDistrict", null));
    Api.Response withAnotherWrongField = api.submit(
        Submission.lowIncome().applicant("registeredDistrict", null).applicant("email", "not-an-address"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body().get("errors")).extracting(error -> error.get("field").asText() + ": " + error.get("message").asText())
        .containsExactly("applicant.registeredDistrict: 必填：此類別由戶籍所在地區公所受理 is required: this type is received by"
            + " the district office of the applicant's registered district");
    assertThat(withAnotherWrongField.invalidFields()).as("in one answer")
        .containsExactlyInAnyOrder("applicant.registeredDistrict", "applicant.email");
    assertThat(footprint()).isEqualTo(before);
  }

  @Test
  void applicantMayChooseAnotherOfficeOfTheSameKind() {
    Api.Response response = api.submit(Submission.lowIncome().set("receivingAgency", "DO-BEITOU"));

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.body().get("receivingAgency").asText()).isEqualTo("DO-BEITOU");
    String applicationNo = response.body().get("applicationNo").asText();
    assertThat(api.get("/api/applications/" + applicationNo).body().get("stages").get(0).get("agency").asText())
        .isEqualTo("DO-BEITOU");
  }

  @ParameterizedTest(name = "{0} cannot receive a district office's application")
  @ValueSource(strings = {"POLICE", "HR-DAAN", "LO-DAAN"})
  void anAgencyOfAnotherKindCannotReceiveIt(String agency) {
    Api.Response response = api.submit(Submission.lowIncome().set("receivingAgency", agency));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.body().get("type").asText()).isEqualTo("/problems/not-a-receiving-agency");
  }

  @Test
  void cityDepartmentsAreNotInterchangeable() {
    // A business registration is received by ECON; another city department may not take it.
    Api.Response response = api.submit(Submission.of("IN-SPECIAL-ENTERTAINMENT").set("receivingAgency", "URBAN"));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.body().get("type").asText()).isEqualTo("/problems/not-a-receiving-agency");
  }

  @Test
  void retryWithTheSameKeyReturnsTheOriginalAndStartsNothing() {
    String key = UUID.randomUUID().toString();
    Api.Response first = api.submit(Submission.lowIncome(), key);
    long[] afterFirst = footprint();

    Api.Response retry = api.submit(Submission.lowIncome(), key);

    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
    assertThat(retry.body().get("applicationNo")).isEqualTo(first.body().get("applicationNo"));
    assertThat(retry.body().get("processInstanceId")).isEqualTo(first.body().get("processInstanceId"));
    assertThat(footprint()).isEqualTo(afterFirst);
  }

  @Test
  void sameKeyWithADifferentBodyIsAConflict() {
    String key = UUID.randomUUID().toString();
    String original = api.submit(Submission.lowIncome(), key).body().get("applicationNo").asText();
    long[] before = footprint();

    Api.Response response = api.submit(Submission.lowIncome().applicant("name", "林美麗"), key);

    assertThat(response.status()).isEqualTo(409);
    assertThat(response.body().get("applicationNo").asText()).isEqualTo(original);
    assertThat(footprint()).isEqualTo(before);
  }

  @Test
  void anotherCallersKeyIsRefusedWithoutTellingWhatItMade() {
    String key = UUID.randomUUID().toString();
    String original = api.submit(Submission.lowIncome(), key).body().get("applicationNo").asText();
    long[] before = footprint();

    Api.Response response = new Api(http, "do-daan-clerk").submit(Submission.lowIncome(), key);

    assertThat(response.status()).isEqualTo(409);
    assertThat(response.body().toString()).doesNotContain(original);
    assertThat(footprint()).isEqualTo(before);
  }

  @Test
  void simultaneousRetriesCreateOneApplication() throws Exception {
    String key = UUID.randomUUID().toString();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Callable<Api.Response>> calls = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        calls.add(() -> api.submit(Submission.householdTranscript(), key));
      }
      List<String> numbers = new ArrayList<>();
      for (Future<Api.Response> result : pool.invokeAll(calls)) {
        assertThat(result.get().status()).isEqualTo(201);
        numbers.add(result.get().body().get("applicationNo").asText());
      }
      assertThat(numbers).hasSize(6).containsOnly(numbers.get(0));
      assertThat(
              runtime.createProcessInstanceQuery()
                  .processDefinitionKey(IntakeProcess.KEY)
                  .processInstanceBusinessKey(numbers.get(0))
                  .count())
          .isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anonymousCallersAreAskedToSignIn() {
    long[] before = footprint();

    Api.Response submit = api.anonymous().submit(Submission.lowIncome());
    Api.Response read = api.anonymous().get("/api/case-types");

    assertThat(submit.status()).isEqualTo(401);
    assertThat(submit.headers().getFirst("WWW-Authenticate")).startsWith("Basic");
    assertThat(read.status()).isEqualTo(401);
    assertThat(footprint()).isEqualTo(before);
  }

  @Test
  void aCounterClerkSubmitsForTheirOwnAgencyOnly() {
    long[] before = footprint();

    Api.Response elsewhere = new Api(http, "police-clerk").submit(Submission.lowIncome().atCounter());
    Api.Response ownCounter = new Api(http, "do-daan-clerk").submit(Submission.lowIncome().atCounter());

    assertThat(elsewhere.status()).isEqualTo(403);
    assertThat(elsewhere.body().get("type").asText()).isEqualTo("/problems/not-allowed-to-submit");
    assertThat(ownCounter.status()).isEqualTo(201);
    assertThat(footprint()[0]).isEqualTo(before[0] + 1);
  }

  @Test
  void unknownApplicationIsNotFound() {
    Api.Response response = api.get("/api/applications/2026-SW-999999");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "{",
        "[]",
        "null",
        "{\"caseTypeCode\": 42, \"applicant\": [], \"submittedVia\": \"ONLINE\", \"consentToDataQueries\": true}",
        "{\"caseTypeCode\": \"SW-LOW-INCOME\", \"applicant\": {\"nationalId\": \"A123456789\", \"name\": \"王\"},"
            + " \"submittedVia\": \"BY_PIGEON\", \"consentToDataQueries\": true}",
        "{\"caseTypeCode\": \"SW-LOW-INCOME\", \"applicant\": {\"nationalId\": \"A123456789\", \"name\": \"王\"},"
            + " \"submittedVia\": \"ONLINE\", \"consentToDataQueries\": \"yes\"}",
        "{\"caseTypeCode\": \"SW-LOW-INCOME\", \"applicant\": {\"nationalId\": \"A123456789\", \"name\": \"王\"},"
            + " \"submittedVia\": \"ONLINE\", \"consentToDataQueries\": true, \"isAdmin\": true}",
        "{\"caseTypeCode\": \"SW-LOW-INCOME\", \"applicant\": {\"nationalId\": \"A123456789\", \"name\": \"王\"},"
            + " \"submittedVia\": \"ONLINE\", \"consentToDataQueries\": true, \"documents\": {\"title\": \"x\"}}"
      })
  void malformedBodiesAreRefusedAndLeaveNothingBehind(String body) {
    long[] before = footprint();

    Api.Response response = api.postJson("/api/applications", body, new HttpHeaders());

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.body().get("errors")).isNotEmpty();
    assertThat(footprint()).isEqualTo(before);
  }

  @Test
  void hugeTextIsRefusedByField() {
    Api.Response response =
        api.submit(Submission.lowIncome().applicant("name", "王".repeat(100_000)).set("caseTypeCode", "X".repeat(5000)));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.invalidFields()).containsExactlyInAnyOrder("applicant.name", "caseTypeCode");
  }

  @Test
  void unusableIdempotencyKeyIsRefused() {
    Api.Response response = api.submit(Submission.lowIncome(), "k".repeat(300));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.invalidFields()).containsExactly("Idempotency-Key");
  }

  @Test
  void textTheDatabaseCannotKeepIsRefusedNamingTheField() throws Exception {
    Api.Response nul = api.submit(Submission.lowIncome().applicant("name", "王\u0000小明"));
    // Written by hand: a JSON library would not write half of a surrogate pair.
    String halfAPairJson = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Submission.lowIncome().body())
        .replace("存摺封面影本", "存摺\\ud800");
    Api.Response halfAPair = api.postJson("/api/applications", halfAPairJson, new org.springframework.http.HttpHeaders());

    assertThat(nul.status()).isEqualTo(400);
    assertThat(nul.invalidFields()).containsExactly("applicant.name");
    assertThat(halfAPair.status()).isEqualTo(400);
    assertThat(halfAPair.invalidFields()).containsExactly("documents[0].title");
  }
}
