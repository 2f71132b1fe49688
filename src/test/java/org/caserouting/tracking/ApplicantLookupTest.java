package org.caserouting.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.caserouting.support.Api;
import org.caserouting.support.CaseRouterTest;
import org.caserouting.support.PlainClient;
import org.caserouting.support.Submission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The applicant's look-up by number and ID suffix cannot be brute-forced, even from many addresses,
 * nor turned against the applicant: their own link always works.
 */
@CaseRouterTest
class ApplicantLookupTest {

  /** A different client address for every look-up: the per-address limit does not stop a guesser. */
  private static final AtomicInteger ADDRESS = new AtomicInteger(1);

  @Autowired TestRestTemplate portal;
  @Autowired LookupLimits limits;
  @LocalServerPort int port;
  TestRestTemplate http;

  @BeforeEach
  void client() {
    // A client that resends nothing by itself, so each 429 is seen.
    http = PlainClient.at(port);
    ClockUtil.setCurrentTime(ClockUtil.getCurrentTime());
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void wrongSuffixesFromRotatingAddressesMakeTheNumberWaitLongerAndLonger() {
    Submitted application = submit();

    for (int guess = 0; guess < 3; guess++) {
      assertThat(lookUp(application.no(), "000" + guess).getStatusCode().value()).as("typing mistakes").isEqualTo(404);
    }
    assertThat(lookUp(application.no(), "0003").getStatusCode().value()).isEqualTo(404);
    ResponseEntity<String> waiting = lookUp(application.no(), "6789");

    assertThat(waiting.getStatusCode().value()).as("the right suffix waits too, so a wait tells nothing").isEqualTo(429);
    assertThat(waiting.getHeaders().getFirst("Retry-After")).isEqualTo("60");
    assertThat(waiting.getBody()).contains("always works");
    assertThat(page(application.no(), "6789").getStatusCode().value()).as("the /track page counts alike").isEqualTo(429);

    advance(Duration.ofSeconds(61));
    assertThat(lookUp(application.no(), "0004").getStatusCode().value()).isEqualTo(404);
    assertThat(lookUp(application.no(), "6789").getHeaders().getFirst("Retry-After")).as("doubled").isEqualTo("120");

    advance(Duration.ofSeconds(121));
    assertThat(lookUp(application.no(), "6789").getStatusCode().value()).isEqualTo(200);
    assertThat(lookUp(application.no(), "0005").getStatusCode().value()).as("the right suffix starts it afresh")
        .isEqualTo(404);
    assertThat(lookUp(application.no(), "6789").getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void guessingOneOfTenThousandSuffixesTakesYears() {
    LookupGuard guard =
        new LookupGuard(null, new LookupGuard.Properties(3, Duration.ofMinutes(1), Duration.ofDays(1)), null, null);
    Duration half = Duration.ZERO;
    for (int failures = 1; failures <= 5_000; failures++) {
      half = half.plus(guard.waitAfter(failures));
    }
    assertThat(half).as("the time to try half the suffixes").isGreaterThan(Duration.ofDays(365 * 10));
  }

  @Test
  void theApplicantsOwnLinkWorksWhileTheNumberWaits() {
    Submitted application = submit();
    for (int guess = 0; guess < 8; guess++) {
      lookUp(application.no(), String.format("%04d", guess));
    }
    assertThat(lookUp(application.no(), "6789").getStatusCode().value()).isEqualTo(429);

    ResponseEntity<String> own = http.getForEntity(application.link(), String.class);

    assertThat(own.getStatusCode().value()).isEqualTo(200);
    assertThat(own.getBody()).contains(application.no());
    assertThat(own.getHeaders().getFirst("Referrer-Policy")).as("the link never leaves in a Referer").isEqualTo("no-referrer");
    assertThat(http.getForEntity("/track/t/AAAAAAAAAAAAAAAAAAAAAA", String.class).getStatusCode().value()).isEqualTo(404);
  }

  @Test
  void theTrackPagesSendTheSameSecurityHeadersAsTheApi() {
    HttpHeaders page = http.getForEntity("/track", String.class).getHeaders();
    HttpHeaders api = http.getForEntity("/api/case-types", String.class).getHeaders();

    assertThat(page.getFirst("Content-Security-Policy")).contains("default-src 'none'", "frame-ancestors 'none'")
        .doesNotContain("script-src");
    assertThat(api.getFirst("Content-Security-Policy")).contains("default-src 'none'", "frame-ancestors 'none'");
    for (HttpHeaders headers : new HttpHeaders[] {page, api}) {
      assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
      assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
    }
  }

  @Test
  void thePerClientLimitKeepsABoundedNumberOfClients() {
    LookupLimits small = new LookupLimits(new LookupLimits.Properties(10, Duration.ofMinutes(1), 100));
    for (int client = 0; client < 1_000; client++) {
      small.allow("10.0." + (client / 250) + "." + (client % 250));
    }
    assertThat(small.rememberedClients()).isEqualTo(100);
  }

  private record Submitted(String no, String link) {}

  private Submitted submit() {
    Api.Response submitted = new Api(portal).submit(Submission.lowIncome());
    assertThat(submitted.status()).isEqualTo(201);
    return new Submitted(submitted.body().get("applicationNo").asText(),
        submitted.body().get("trackingUrl").asText().replace("http://localhost:8080", ""));
  }

  private ResponseEntity<String> lookUp(String no, String suffix) {
    HttpHeaders headers = fromNewAddress();
    headers.set("Applicant-Id-Suffix", suffix);
    return http.exchange("/api/applications/{no}/timeline", HttpMethod.GET, new HttpEntity<>(headers), String.class, no);
  }

  private ResponseEntity<String> page(String no, String suffix) {
    HttpHeaders headers = fromNewAddress();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    return http.exchange("/track", HttpMethod.POST, new HttpEntity<>("applicationNo=" + no + "&idSuffix=" + suffix, headers),
        String.class);
  }

  private static HttpHeaders fromNewAddress() {
    HttpHeaders headers = new HttpHeaders();
    int n = ADDRESS.getAndIncrement();
    headers.set("X-Forwarded-For", "10.77." + (n / 250) + "." + (n % 250 + 1));
    return headers;
  }

  private static void advance(Duration by) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(by)));
  }
}
