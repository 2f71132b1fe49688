package org.caserouting.identity;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
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
import org.caserouting.support.CaseWork;
import org.caserouting.support.EmbeddedPostgresInitializer;
import org.caserouting.support.Submission;
import org.junit.jupiter.api.AfterAll;
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
 * Profile oidc: bearer tokens from the city's identity provider (here a WireMock server publishing
 * the provider's keys) instead of passwords, with the token's groups as the caller's Camunda groups.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "oidc"})
@ContextConfiguration(initializers = OidcProfileTest.OwnDatabase.class)
@ResourceLock(CaseRouterTest.SPRING_CONTEXT)
class OidcProfileTest {

  static final String ISSUER = "https://login.city.example/realms/staff";
  static final String AUDIENCE = "case-router";
  static final RSAKey PROVIDER_KEY = key("provider");
  static final RSAKey OTHER_KEY = key("someone-else");
  static final WireMockServer PROVIDER = new WireMockServer(options().dynamicPort());

  static {
    PROVIDER.start();
    PROVIDER.stubFor(get("/keys").willReturn(aResponse()
        .withHeader("Content-Type", "application/json")
        .withBody(new JWKSet(PROVIDER_KEY.toPublicJWK()).toString())));
  }

  /** Its own database and engine: this context runs beside the default one. */
  static class OwnDatabase extends EmbeddedPostgresInitializer {
    @Override
    protected String database() {
      return "case_router_oidc";
    }

    @Override
    protected String engineName() {
      return "oidc";
    }
  }

  @DynamicPropertySource
  static void provider(DynamicPropertyRegistry properties) {
    properties.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> PROVIDER.baseUrl() + "/keys");
    properties.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
    properties.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> AUDIENCE);
  }

  @AfterAll
  static void stopProvider() {
    PROVIDER.stop();
  }

  @Autowired TestRestTemplate http;
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
