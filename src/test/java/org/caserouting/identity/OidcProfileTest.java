package org.caserouting.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.caserouting.support.CaseRouterTest;
import org.caserouting.support.CityIdentityProvider;
import org.caserouting.support.CaseWork;
import org.caserouting.support.Chromium;
import org.caserouting.support.EmbeddedPostgresInitializer;
import org.caserouting.support.Submission;
import org.junit.jupiter.api.AfterAll;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Profile oidc: bearer tokens from the city's identity provider instead of passwords, with the
 * token's groups as the caller's Camunda groups; and staff signing in to Tasklist at the provider.
 * The provider is real ({@link CityIdentityProvider}: discovery, keys, sign-in form, tokens,
 * sign-out); the tests also mint tokens with its key, as it would issue them to the portal.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "oidc"})
@ContextConfiguration(initializers = OidcProfileTest.OwnDatabase.class)
@ResourceLock(CaseRouterTest.SPRING_CONTEXT)
class OidcProfileTest {

  static final String AUDIENCE = "case-router";
  static final RSAKey PROVIDER_KEY = key("provider");
  static final RSAKey OTHER_KEY = key("someone-else");
  static final CityIdentityProvider PROVIDER = CityIdentityProvider.start(PROVIDER_KEY, Map.of(
      "do-daan-clerk", List.of("/case-router/do-daan-clerk"),
      "do-daan-chief", List.of("/case-router/do-daan-chief")));
  static final String ISSUER = PROVIDER.issuer();

  /** Its own database and engine: this context runs beside the default one. */
  static class OwnDatabase extends EmbeddedPostgresInitializer {
    OwnDatabase() {
      super("case_router_oidc", "oidc");
    }
  }

  @DynamicPropertySource
  static void provider(DynamicPropertyRegistry properties) {
    properties.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> ISSUER + "/oauth2/jwks");
    properties.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
    properties.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> AUDIENCE);
    properties.add("spring.security.oauth2.client.registration.city.client-id", () -> CityIdentityProvider.CLIENT_ID);
    properties.add("spring.security.oauth2.client.registration.city.client-secret",
        () -> CityIdentityProvider.CLIENT_SECRET);
    properties.add("spring.security.oauth2.client.provider.city.issuer-uri", () -> ISSUER);
  }

  @AfterAll
  static void stopProvider() {
    PROVIDER.stop();
  }

  @Autowired TestRestTemplate http;
  @org.springframework.boot.test.web.server.LocalServerPort int port;
  @Autowired org.camunda.bpm.engine.ProcessEngine engine;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  @Test
  void thePortalsTokenSubmitsAndAClerksTokenSeesOnlyTheirAgencysTask() {
    ResponseEntity<String> submitted = call(HttpMethod.POST, "/api/applications", token("portal", List.of("portal")),
        json(Submission.lowIncome()));
    assertThat(submitted.getStatusCode().value()).as(submitted.getBody()).isEqualTo(201);
    String no = submitted.getHeaders().getLocation().getPath().replaceAll(".*/", "");
    new CaseWork(engine, no); // runs its start, which the engine runs after the answer

    String tasks = "/engine-rest/engine/oidc/task?maxResults=10&processInstanceBusinessKey=" + no;
    ResponseEntity<String> clerk = call(HttpMethod.GET, tasks, token("wang.clerk", List.of("do-daan-clerk")), null);
    ResponseEntity<String> otherAgency = call(HttpMethod.GET, tasks, token("lin.clerk", List.of("econ-clerk")), null);

    assertThat(clerk.getStatusCode().value()).as("%s %s", clerk.getHeaders(), clerk.getBody()).isEqualTo(200);
    assertThat(clerk.getBody()).contains("reviewByReceivingAgency");
    assertThat(otherAgency.getStatusCode().value()).isEqualTo(200);
    assertThat(otherAgency.getBody()).isEqualTo("[]");
    assertThat(call(HttpMethod.GET, "/api/applications/" + no, token("lin.clerk", List.of("econ-clerk")), null)
        .getStatusCode().value()).isEqualTo(403);
  }

  /**
   * A clerk opens Tasklist, is sent to the provider's sign-in form, signs in there and comes back
   * signed in, with the groups the provider gave: the agency's lists and their own "My tasks", and
   * the task of a case at their office. Signing out at /logout ends the session here and at the
   * provider, so Tasklist asks the provider again.
   */
  @Test
  void aClerkSignsInToTasklistThroughTheProviderAndOut() {
    Chromium.assumeInstalled();
    String base = "http://127.0.0.1:" + port;
    PROVIDER.serves(base);
    String no = call(HttpMethod.POST, "/api/applications", token("portal", List.of("portal")), json(Submission.lowIncome()))
        .getHeaders().getLocation().getPath().replaceAll(".*/", "");
    new CaseWork(engine, no);

    WebDriver browser = Chromium.start("zh-TW");
    try {
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
      browser.get(base + "/camunda/app/tasklist/oidc/");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username"))).sendKeys("do-daan-clerk");
      assertThat(browser.getCurrentUrl()).as("the provider's own sign-in form").startsWith(ISSUER);
      browser.findElement(By.name("password")).sendKeys(CityIdentityProvider.PASSWORD);
      Chromium.screenshot(browser, "oidc-1-provider-sign-in");
      browser.findElement(By.cssSelector("button[type='submit']")).click();

      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".task-filter h4.name a")));
      @SuppressWarnings("unchecked")
      List<String> filters = (List<String>) ((JavascriptExecutor) browser).executeScript(
          "return [...document.querySelectorAll('.task-filter h4.name a')].map(a => a.childNodes[0].textContent.trim());");
      assertThat(filters).as("the agency's list, and 'My tasks' made at this sign-in")
          .contains(TaskFilters.UNCLAIMED, TaskFilters.MY_TASKS);
      Map<?, ?> me = parsed(fetch(browser, "/camunda/api/admin/auth/user/oidc"));
      assertThat(me.get("userId")).isEqualTo("do-daan-clerk");
      assertThat(fetch(browser, "/camunda/api/engine/engine/oidc/task?maxResults=15&processInstanceBusinessKey=" + no))
          .as("the task of a case at the clerk's office").contains("reviewByReceivingAgency");
      Chromium.screenshot(browser, "oidc-2-signed-in-to-tasklist");

      browser.get(base + "/logout");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username")));
      assertThat(browser.getCurrentUrl()).as("signed out at the provider too: it asks again").startsWith(ISSUER);
      Chromium.screenshot(browser, "oidc-3-signed-out");
      browser.get(base + "/camunda/api/admin/auth/user/oidc");
      assertThat(browser.getPageSource()).doesNotContain("do-daan-clerk");
    } finally {
      Chromium.screenshot(browser, "oidc-last-page");
      browser.quit();
    }
  }

  /** What the browser's session reads at that path of the service. */
  private static String fetch(WebDriver browser, String path) {
    return (String) ((JavascriptExecutor) browser).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + " fetch(arguments[0], {headers: {Accept: 'application/json'}}).then(r => r.text()).then(done);", path);
  }

  private static Map<?, ?> parsed(String text) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readValue(text, Map.class);
    } catch (java.io.IOException e) {
      throw new AssertionError("Not JSON: " + text, e);
    }
  }

  @Test
  void aMissingForgedExpiredOrForeignTokenAndAPasswordAreRefused() {
    String path = "/api/case-types";
    Instant now = Instant.now();

    assertThat(call(HttpMethod.GET, path, null, null).getStatusCode().value()).isEqualTo(401);
    assertThat(call(HttpMethod.GET, path, null, null).getHeaders().getFirst("WWW-Authenticate")).startsWith("Bearer");
    assertThat(status(path, sign(OTHER_KEY, claims("portal", List.of("portal"), ISSUER, AUDIENCE, now)))).isEqualTo(401);
    assertThat(status(path, sign(PROVIDER_KEY, claims("portal", List.of("portal"), ISSUER, AUDIENCE,
        now.minus(Duration.ofHours(2)))))).as("expired").isEqualTo(401);
    assertThat(status(path, sign(PROVIDER_KEY, claims("portal", List.of("portal"), "https://evil.example", AUDIENCE, now))))
        .as("another issuer").isEqualTo(401);
    assertThat(status(path, sign(PROVIDER_KEY, claims("portal", List.of("portal"), ISSUER, "another-app", now))))
        .as("another audience").isEqualTo(401);
    assertThat(http.withBasicAuth("portal", "demo").getForEntity(path, String.class).getStatusCode().value())
        .as("passwords are not accepted in profile oidc").isEqualTo(401);
    assertThat(status(path, token("portal", List.of("portal")))).isEqualTo(200);
  }

  @Test
  void groupsCountOnlyAsFullPathsUnderTheParentOrAsTheClientsRoles() {
    String no = call(HttpMethod.POST, "/api/applications", token("portal", List.of("portal")), json(Submission.lowIncome()))
        .getHeaders().getLocation().getPath().replaceAll(".*/", "");
    new CaseWork(engine, no); // runs its start, which the engine runs after the answer
    String tasks = "/engine-rest/engine/oidc/task?maxResults=10&processInstanceBusinessKey=" + no;
    Instant now = Instant.now();

    String bareName = sign(PROVIDER_KEY, claimsWith("wang.clerk", List.of("do-daan-clerk"), Map.of(), now));
    String otherBranch = sign(PROVIDER_KEY, claimsWith("wang.clerk", List.of("/somewhere-else/do-daan-clerk"), Map.of(), now));
    String clientRole = sign(PROVIDER_KEY, claimsWith("wang.clerk", List.of(),
        Map.of("resource_access", Map.of(AUDIENCE, Map.of("roles", List.of("do-daan-clerk")))), now));

    assertThat(call(HttpMethod.GET, tasks, bareName, null).getBody()).as("a bare group name").isEqualTo("[]");
    assertThat(call(HttpMethod.GET, tasks, otherBranch, null).getBody()).as("another branch").isEqualTo("[]");
    assertThat(call(HttpMethod.GET, tasks, clientRole, null).getBody()).as("a client role").contains("reviewByReceivingAgency");
  }

  @Test
  void administrationComesFromTheConfiguredRoleAloneNeverFromAGroup() {
    String deployments = "/engine-rest/engine/oidc/deployment?maxResults=1";
    Instant now = Instant.now();
    String groupNamedAdmin = sign(PROVIDER_KEY, claimsWith("mallory", List.of("/case-router/camunda-admin"), Map.of(), now));
    String clientRoleNamedAdmin = sign(PROVIDER_KEY, claimsWith("mallory", List.of(),
        Map.of("resource_access", Map.of(AUDIENCE, Map.of("roles", List.of("camunda-admin")))), now));
    String adminRole = sign(PROVIDER_KEY, claimsWith("chen.admin", List.of(),
        Map.of("realm_access", Map.of("roles", List.of("case-router-admin"))), now));

    assertThat(call(HttpMethod.GET, deployments, groupNamedAdmin, null).getBody()).isEqualTo("[]");
    assertThat(call(HttpMethod.GET, deployments, clientRoleNamedAdmin, null).getBody()).isEqualTo("[]");
    assertThat(call(HttpMethod.GET, deployments, adminRole, null).getBody()).as("the administrators' role").contains("\"id\"");
  }

  @Test
  void theUserIsTheTokensSubjectNotANameItsHolderMayChange() {
    Instant now = Instant.now();
    JWTClaimsSet pretender = new JWTClaimsSet.Builder(claimsWith("mallory", List.of("/case-router/portal"), Map.of(), now))
        .claim("preferred_username", "demo").build();
    JWTClaimsSet noSubject = new JWTClaimsSet.Builder(pretender).subject(null).build();

    ResponseEntity<String> submitted =
        call(HttpMethod.POST, "/api/applications", sign(PROVIDER_KEY, pretender), json(Submission.lowIncome()));
    String no = submitted.getHeaders().getLocation().getPath().replaceAll(".*/", "");
    new CaseWork(engine, no); // runs its start, which the engine runs after the answer

    assertThat(jdbc.queryForObject("select submitted_by from application where application_no = ?", String.class, no))
        .isEqualTo("sub-mallory");
    assertThat(call(HttpMethod.GET, "/engine-rest/engine/oidc/deployment?maxResults=1", sign(PROVIDER_KEY, pretender), null)
        .getBody()).as("not the demo administrator, whatever its name claim says").isEqualTo("[]");
    assertThat(status("/api/case-types", sign(PROVIDER_KEY, noSubject))).as("no subject, no user").isEqualTo(401);
  }

  private static String json(Submission submission) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(submission.body());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private int status(String path, String token) {
    return call(HttpMethod.GET, path, token, null).getStatusCode().value();
  }

  private ResponseEntity<String> call(HttpMethod method, String path, String token, String json) {
    HttpHeaders headers = new HttpHeaders();
    if (token != null) {
      headers.setBearerAuth(token);
    }
    if (json != null) {
      headers.setContentType(MediaType.APPLICATION_JSON);
    }
    return http.exchange(path, method, new HttpEntity<>(json, headers), String.class);
  }

  private static String token(String user, List<String> groups) {
    return sign(PROVIDER_KEY, claims(user, groups, ISSUER, AUDIENCE, Instant.now()));
  }

  /** A token as Keycloak writes one: groups as paths under the service's parent group. */
  private static JWTClaimsSet claims(String user, List<String> groups, String issuer, String audience, Instant issuedAt) {
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .audience(audience)
        .subject("sub-" + user)
        .claim("preferred_username", user)
        .claim("groups", groups.stream().map(group -> "/case-router/" + group).toList())
        .issueTime(Date.from(issuedAt))
        .expirationTime(Date.from(issuedAt.plus(Duration.ofMinutes(5))))
        .build();
  }

  /** A token with exactly these group paths and other claims. */
  private static JWTClaimsSet claimsWith(String user, List<String> groupPaths, Map<String, Object> more, Instant issuedAt) {
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(AUDIENCE)
        .subject("sub-" + user)
        .claim("preferred_username", user)
        .claim("groups", groupPaths)
        .issueTime(Date.from(issuedAt))
        .expirationTime(Date.from(issuedAt.plus(Duration.ofMinutes(5))));
    more.forEach(claims::claim);
    return claims.build();
  }

  private static String sign(RSAKey key, JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static RSAKey key(String id) {
    try {
      return new RSAKeyGenerator(2048).keyID(id).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
