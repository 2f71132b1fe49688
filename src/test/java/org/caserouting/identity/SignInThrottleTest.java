package org.caserouting.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.caserouting.support.CaseRouterTest;
import org.caserouting.support.PlainClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Wrong passwords cannot be turned into a denial of service: an attacker who patiently waits out
 * every pause still locks nobody out, and the pause is the attacker's address's, not the account's.
 */
@CaseRouterTest
class SignInThrottleTest {

  @Autowired IdentityService identity;
  @LocalServerPort int port;
  /** A client that resends nothing by itself: the test's default one would wait out a 429. */
  TestRestTemplate http;

  @BeforeEach
  void client() {
    http = PlainClient.at(port);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void elevenPatientWrongKeysForThePortalLockItOutOfNothing() {
    Instant lastWrong = attack("10.66.0.1", "portal", "/api/case-types", 11);

    assertThat(status("10.66.0.2", "portal", "demo", "/api/case-types"))
        .as("the portal itself, from its own address, at once").isEqualTo(200);
    Duration untilTheRightKeyWorks = untilAccepted("10.66.0.1", "portal", "demo", "/api/case-types");
    assertThat(Duration.between(lastWrong, ClockUtil.getCurrentTime().toInstant()))
        .as("the right key works from the attacker's address too, within 90 seconds")
        .isLessThanOrEqualTo(Duration.ofSeconds(90));
    assertThat(untilTheRightKeyWorks).isLessThanOrEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void elevenPatientWrongPasswordsForAnAdministratorLockItOutOfNothing() {
    attack("10.66.1.1", "demo", "/engine-rest/user/demo/profile", 11);

    assertThat(status("10.66.1.2", "demo", "demo", "/engine-rest/user/demo/profile")).isEqualTo(200);
    assertThat(identity.checkPassword("demo", "demo")).as("the engine holds no lock on the account").isTrue();
    untilAccepted("10.66.1.1", "demo", "demo", "/engine-rest/user/demo/profile");
  }

  @Test
  void theWaitIsTheAddressesNotTheAccounts() {
    // The engine's clock stands still: the pause lasts while the test looks.
    ClockUtil.setCurrentTime(ClockUtil.getCurrentTime());
    for (int i = 0; i < 6; i++) {
      status("10.66.2.1", "do-daan-clerk", "wrong-" + i, "/engine-rest/user/do-daan-clerk/profile");
    }

    ResponseEntity<String> refused = exchange("10.66.2.1", "do-daan-clerk", "demo", "/engine-rest/user/do-daan-clerk/profile");

    assertThat(refused.getStatusCode().value()).isEqualTo(429);
    assertThat(refused.getHeaders().getFirst("Retry-After")).isNotNull();
    assertThat(refused.getBody()).contains("try again in").contains("請於");
    assertThat(status("10.66.2.2", "do-daan-clerk", "demo", "/engine-rest/user/do-daan-clerk/profile"))
        .as("the clerk at their own desk signs in at once").isEqualTo(200);
    assertThat(status("10.66.2.1", "operations", "demo", "/actuator/prometheus"))
        .as("every door that takes a password waits for that address").isEqualTo(429);
  }

  /** Wrong secrets from one address, each sent as soon as the pause before it allows. */
  private Instant attack(String address, String user, String path, int tries) {
    Instant last = null;
    int wrong = 0;
    while (wrong < tries) {
      ResponseEntity<String> response = exchange(address, user, "guess-" + wrong, path);
      if (response.getStatusCode().value() == 429) {
        waitSeconds(Long.parseLong(response.getHeaders().getFirst("Retry-After")));
        continue;
      }
      assertThat(response.getStatusCode().value()).as("a wrong secret").isEqualTo(401);
      last = ClockUtil.getCurrentTime().toInstant();
      wrong++;
    }
    return last;
  }

  /** How long the right secret from this address waits before it is taken. */
  private Duration untilAccepted(String address, String user, String secret, String path) {
    Duration waited = Duration.ZERO;
    for (int i = 0; i < 10; i++) {
      ResponseEntity<String> response = exchange(address, user, secret, path);
      if (response.getStatusCode().value() != 429) {
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return waited;
      }
      long seconds = Long.parseLong(response.getHeaders().getFirst("Retry-After"));
      waitSeconds(seconds);
      waited = waited.plusSeconds(seconds);
    }
    throw new AssertionError("the right secret was never taken from " + address);
  }

  private static void waitSeconds(long seconds) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(seconds)));
  }

  private int status(String address, String user, String secret, String path) {
    return exchange(address, user, secret, path).getStatusCode().value();
  }

  private ResponseEntity<String> exchange(String address, String user, String secret, String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, secret);
    headers.set("X-Forwarded-For", address);
    return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }
}
