package org.caserouting.supplementation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caserouting.platform.engine.task.TaskOutcome.OPINION;
import static org.caserouting.platform.engine.task.TaskOutcome.RETURN;

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
    assertThat(api.get("/api/applications/" + no).body().get("status").asText()).isEqualTo("SUPPLEMENT_REQUESTED");

    Api.Response response = api.postJson("/api/applications/" + no + "/supplements", DOCUMENTS, new HttpHeaders());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body().get("status").asText()).isEqualTo("IN_REVIEW");
    assertThat(response.body().get("stages").get(0).get("step").asText()).isEqualTo("checkSupplement");
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
