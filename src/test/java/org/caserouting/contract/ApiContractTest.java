package org.caserouting.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.caserouting.support.Api;
import org.caserouting.support.ApiContract;
import org.caserouting.support.CaseRouterTest;
import org.caserouting.support.Submission;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The portal team's contract (/v3/api-docs) against what the API really answers: a portal's day
 * of calls, successes and refusals, each answer checked against the contract's schema for its
 * path, method, status and media type. An answer the contract does not describe fails the build,
 * so the two cannot drift apart.
 */
@CaseRouterTest
class ApiContractTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;
  Api portal;
  ApiContract served;
  JsonNode contract;

  /** Read without signing in: the contract holds no one's data. */
  @BeforeEach
  void contract() {
    portal = new Api(http);
    served = ApiContract.servedBy(portal);
    contract = served.document();
  }

  @Test
  void theContractIsOpenApi31WithEveryTypesFormByReferenceAndProblemAnswers() {
    assertThat(contract.get("openapi").asText()).startsWith("3.1");
    JsonNode components = contract.get("components").get("schemas");
    assertThat(components.get("ApplicationData.IN-FACTORY-REGISTRATION").get("$ref").asText())
        .isEqualTo("/api/case-types/IN-FACTORY-REGISTRATION/application-schema");
    assertThat(components.get("Applicant").get("properties").get("kind").get("enum")).extracting(JsonNode::asText)
        .containsExactly("PERSON", "ORGANISATION", "AGENT");
    JsonNode submit = contract.get("paths").get("/api/applications").get("post").get("responses");
    assertThat(submit.fieldNames()).toIterable().contains("201", "400", "409", "422");
    assertThat(submit.get("422").get("content").has("application/problem+json")).isTrue();
  }

  @Test
  void aPortalsCallsAreAnsweredAsTheContractSays() {
    List<String> breaches = new ArrayList<>();
    check(breaches, "GET", "/api/case-types", portal.get("/api/case-types"));
    check(breaches, "GET", "/api/case-types/IN-FACTORY-REGISTRATION", portal.get("/api/case-types/IN-FACTORY-REGISTRATION"));
    check(breaches, "GET", "/api/case-types/NO-SUCH-TYPE", portal.get("/api/case-types/NO-SUCH-TYPE"));

    Api.Response accepted = portal.submit(Submission.lowIncome());
    check(breaches, "POST", "/api/applications", accepted);
    String no = accepted.body().get("applicationNo").asText();
    check(breaches, "POST", "/api/applications", portal.submit(Submission.lowIncome().applicant("email", "x").data("householdMembers", 0)));
    check(breaches, "POST", "/api/applications", portal.submit(Submission.of("NO-SUCH-TYPE")));
    check(breaches, "POST", "/api/applications", portal.submit(Submission.lowIncome().organisation("22099131", "好食食品股份有限公司", "王小明")));
    check(breaches, "POST", "/api/applications", portal.submit(Submission.of("IN-FACTORY-REGISTRATION").organisation("10000004", "好食食品股份有限公司", "王小明")));

    check(breaches, "GET", "/api/applications/" + no, portal.get("/api/applications/{no}", no));
    check(breaches, "GET", "/api/applications/2026-SW-999999", portal.get("/api/applications/2026-SW-999999"));
    check(breaches, "GET", "/api/applications/" + no + "/sign-offs", portal.get("/api/applications/{no}/sign-offs", no));
    check(breaches, "GET", "/api/applications/" + no + "/data-access", portal.get("/api/applications/{no}/data-access", no));
    check(breaches, "GET", "/api/applications/" + no + "/receipt", portal.get("/api/applications/{no}/receipt", no));
    check(breaches, "POST", "/api/receipts/verify", portal.postJson("/api/receipts/verify", "{\"receipt\":\"x.y.z\"}", new HttpHeaders()));
    check(breaches, "GET", "/api/deputies", new Api(http, "do-daan-chief").get("/api/deputies"));
    check(breaches, "GET", "/api/reports/oversight", new Api(http, "city-oversight").get("/api/reports/oversight"));
    check(breaches, "GET", "/api/reports/oversight", new Api(http, "do-daan-clerk").get("/api/reports/oversight"));

    check(breaches, "GET", "/api/case-types/IN-FACTORY-REGISTRATION/application-schema",
        portal.get("/api/case-types/IN-FACTORY-REGISTRATION/application-schema"));
    check(breaches, "GET", "/api/case-types", wrongPassword("/api/case-types"));
    check(breaches, "GET", "/api/applications/" + no + "/timeline", portal.anonymous().get("/api/applications/{no}/timeline", no));
    check(breaches, "GET", "/api/applications/" + no + "/decision-letter",
        portal.anonymous().get("/api/applications/{no}/decision-letter", no));
    check(breaches, "POST", "/api/applications/" + no + "/supplements", new Api(http, "econ-clerk").postJson(
        "/api/applications/" + no + "/supplements", "{\"documents\":[{\"documentClass\":\"UPLOADABLE\",\"title\":\"薪資證明\"}]}",
        new HttpHeaders()));
    String key = "contract-" + no;
    check(breaches, "POST", "/api/applications", portal.submit(Submission.householdTranscript(), key));
    check(breaches, "POST", "/api/applications", portal.submit(Submission.householdTranscript(), key));
    check(breaches, "POST", "/api/applications", portal.submit(Submission.householdTranscript().applicant("name", "王大明"), key));
    Api.Response change = new Api(http, "hr-daan-clerk").postJson("/api/changes", """
        {"changeType": "ADDRESS", "subject": {"nationalId": "F231234561", "name": "林美麗"}, "district": "DAAN",
         "details": "遷入：臺北市大安區和平東路二段106號5樓", "consentedAgencies": [], "receivingAgency": "HR-DAAN"}""",
        new HttpHeaders());
    check(breaches, "POST", "/api/changes", change);
    check(breaches, "GET", "/api/changes/" + change.body().path("changeNo").asText(),
        new Api(http, "hr-daan-clerk").get("/api/changes/{no}", change.body().path("changeNo").asText()));

    assertThat(breaches).as("answers the contract does not describe").isEmpty();
  }

  @Test
  void anAnswerOutsideTheContractIsCaught() throws Exception {
    List<String> breaches = new ArrayList<>();
    ObjectNode wrong = (ObjectNode) portal.get("/api/case-types/IN-FACTORY-REGISTRATION").body().deepCopy();
    wrong.put("timeLimitDays", "twenty");
    check(breaches, "GET", "/api/case-types/IN-FACTORY-REGISTRATION", new Api.Response(200, jsonHeaders(), wrong));
    check(breaches, "GET", "/api/case-types", new Api.Response(418, jsonHeaders(), JSON.readTree("{}")));
    check(breaches, "GET", "/api/nowhere", new Api.Response(200, jsonHeaders(), JSON.readTree("{}")));

    assertThat(breaches).hasSize(3);
    assertThat(breaches.get(0)).contains("timeLimitDays");
    assertThat(breaches.get(1)).contains("418");
    assertThat(breaches.get(2)).contains("no path");
  }

  /** A wrong password, from an address of its own, so that its wait falls on no other test's calls. */
  private Api.Response wrongPassword(String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("portal", "not-the-key");
    headers.set("X-Forwarded-For", "10.66.7.1");
    ResponseEntity<String> answer = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    try {
      return new Api.Response(answer.getStatusCode().value(), answer.getHeaders(), JSON.readTree(answer.getBody()));
    } catch (Exception e) {
      throw new AssertionError("Not JSON: " + answer.getBody(), e);
    }
  }

  private static HttpHeaders jsonHeaders() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    return headers;
  }

  /** Adds to {@code breaches} every way the answer departs from the contract. */
  private void check(List<String> breaches, String method, String path, Api.Response answer) {
    breaches.addAll(served.breaches(method, path, answer));
  }
}
