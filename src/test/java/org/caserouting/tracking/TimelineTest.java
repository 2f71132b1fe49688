package org.caserouting.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caserouting.platform.engine.task.TaskOutcome.APPROVE;
import static org.caserouting.platform.engine.task.TaskOutcome.OPINION;

import org.caserouting.support.Api;
import org.caserouting.support.CaseRouterTest;
import org.caserouting.support.Submission;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The applicant's view through the portal's API and the /track page, without a login. Each test
 * comes from its own client address (X-Forwarded-For, trusted from the local proxy only), since
 * look-ups are limited per client.
 */
@CaseRouterTest
class TimelineTest {

  @Autowired TestRestTemplate http;
  Api api;

  @BeforeEach
  void api() {
    api = new Api(http);
  }

  @Test
  void theApplicantSeesWhereTheApplicationIsAndNeverTheClerksOpinionOrName() {
    String no = submitted();
    api.workTask("do-daan-clerk", no, APPROVE, OPINION.of("內部簽註：經訪視符合資格，擬陳轉"));

    ResponseEntity<String> timeline = timeline(no, "6789", "10.0.0.1");

    assertThat(timeline.getStatusCode().value()).isEqualTo(200);
    assertThat(timeline.getBody())
        .contains("\"SUBMITTED\"", "DO-DAAN", "\"CHIEF\"")
        .doesNotContain("內部簽註", "do-daan-clerk", "A123456789", "王小明");
  }

  @Test
  void aWrongNumberAndAWrongIdGetTheSameAnswer() {
    String no = submitted();

    ResponseEntity<String> wrongId = timeline(no, "0000", "10.0.0.2");
    ResponseEntity<String> wrongNumber = timeline("2026-SW-999999", "6789", "10.0.0.2");

    assertThat(wrongId.getStatusCode().value()).isEqualTo(404);
    assertThat(wrongNumber.getStatusCode().value()).isEqualTo(404);
    // Only the address asked for differs (the problem's "instance").
    assertThat(wrongId.getBody().replace(no, "NUMBER"))
        .isEqualTo(wrongNumber.getBody().replace("2026-SW-999999", "NUMBER"));
  }

  @Test
  void lookUpsAreLimitedPerClient() {
    String no = submitted();
    int refused = 0;
    for (int i = 0; i < 12; i++) {
      // The right suffix: a wrong one would make the number itself wait (LookupGuard).
      if (timeline(no, "6789", "10.0.0.3").getStatusCode().value() == 429) {
        refused++;
      }
    }
    assertThat(refused).as("12 look-ups in a minute, 10 allowed").isEqualTo(2);
    assertThat(timeline(no, "6789", "10.0.0.4").getStatusCode().value()).as("another client").isEqualTo(200);
  }

  @Test
  void theTrackPageShowsTheTimelineInChineseOrEnglish() {
    String no = submitted();

    ResponseEntity<String> page = track(no, "6789", null, "10.0.1.1");
    ResponseEntity<String> english = track(no, "6789", "en", "10.0.1.1");
    ResponseEntity<String> wrong = track(no, "1111", null, "10.0.1.1");

    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getBody()).contains("lang=\"zh-TW\"", "您的申請案件", no, "收件", "臺北市大安區公所");
    assertThat(page.getBody()).as("works without JavaScript").doesNotContain("<script");
    assertThat(english.getBody()).contains("lang=\"en\"", "Your application", "Received");
    assertThat(wrong.getStatusCode().value()).isEqualTo(404);
    assertThat(wrong.getBody()).contains("查無符合此案件編號及身分證號碼的案件");
  }

  private String submitted() {
    Api.Response response = api.submit(Submission.lowIncome());
    assertThat(response.status()).isEqualTo(201);
    return response.body().get("applicationNo").asText();
  }

  private ResponseEntity<String> timeline(String applicationNo, String idSuffix, String client) {
    HttpHeaders headers = new HttpHeaders();
    headers.set("Applicant-Id-Suffix", idSuffix);
    headers.set("X-Forwarded-For", client);
    return http.exchange("/api/applications/{no}/timeline", HttpMethod.GET, new HttpEntity<>(headers), String.class,
        applicationNo);
  }

  private ResponseEntity<String> track(String applicationNo, String idSuffix, String lang, String client) {
    LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("applicationNo", applicationNo);
    form.add("idSuffix", idSuffix);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.set("X-Forwarded-For", client);
    return http.postForEntity(lang == null ? "/track" : "/track?lang=" + lang, new HttpEntity<>(form, headers), String.class);
  }
}
