package org.caserouting.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.caserouting.support.CaseRouterTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

@CaseRouterTest
class DemoIdentityTest {

  @Autowired IdentityService identity;
  @Autowired DemoIdentitySeeder seeder;
  @Autowired TestRestTemplate http;

  @Test
  void demoAdministratorIsADirectMemberOfCamundaAdmin() {
    assertThat(identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).list())
        .extracting(user -> user.getId())
        .contains("demo");
    assertThat(identity.checkPassword("demo", "demo")).isTrue();
  }

  @Test
  void everyAgencyHasAClerkAChiefAndADirector() {
    for (String role : new String[] {"clerk", "chief", "director"}) {
      String id = "do-daan-" + role;
      assertThat(identity.createUserQuery().userId(id).memberOfGroup(id).count()).as(id).isEqualTo(1);
      assertThat(identity.checkPassword(id, "demo")).isTrue();
    }
    assertThat(identity.createUserQuery().userId("process-owner").memberOfGroup("process-owner").count()).isEqualTo(1);
    assertThat(identity.createGroupQuery().groupId("econ-clerk").count()).isEqualTo(1);
  }

  @Test
  void seedingAgainChangesNothing() throws Exception {
    long users = identity.createUserQuery().count();
    long groups = identity.createGroupQuery().count();
    ApplicationArguments none = new DefaultApplicationArguments();

    seeder.run(none);

    assertThat(identity.createUserQuery().count()).isEqualTo(users);
    assertThat(identity.createGroupQuery().count()).isEqualTo(groups);
  }

  @Test
  void adminFirstRunSetupIsForbiddenWhateverTheState() {
    String body = "{\"profile\": {\"id\": \"intruder\", \"firstName\": \"I\", \"lastName\": \"N\"},"
        + " \"credentials\": {\"password\": \"intruder-pass-1\"}}";
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);

    // Even with no direct member of camunda-admin, the setup cannot create an administrator.
    identity.deleteMembership("demo", Groups.CAMUNDA_ADMIN);
    ResponseEntity<String> response;
    try {
      response = http.postForEntity("/camunda/api/admin/setup/default/user/create",
          new org.springframework.http.HttpEntity<>(body, headers), String.class);
    } finally {
      identity.createMembership("demo", Groups.CAMUNDA_ADMIN);
    }

    assertThat(response.getStatusCode().value()).isEqualTo(403);
    assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
  }

  @Test
  void engineRestApiAsksWhoIsCalling() {
    ResponseEntity<String> anonymous = http.getForEntity("/engine-rest/task", String.class);
    // Another user than the one that logs in: the engine delays a user's next login after a failure.
    ResponseEntity<String> wrongPassword =
        http.withBasicAuth("econ-clerk", "guess").getForEntity("/engine-rest/task", String.class);
    ResponseEntity<String> clerk =
        http.withBasicAuth("do-daan-clerk", "demo").getForEntity("/engine-rest/task?maxResults=50", String.class);

    assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
    assertThat(wrongPassword.getStatusCode().value()).isEqualTo(401);
    assertThat(clerk.getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void aListQueryOfTheEngineRestApiMustBePaged() {
    TestRestTemplate clerk = http.withBasicAuth("do-daan-clerk", "demo");

    ResponseEntity<String> unbounded = clerk.getForEntity("/engine-rest/task", String.class);
    ResponseEntity<String> tooLarge = clerk.getForEntity("/engine-rest/task?maxResults=5000", String.class);
    ResponseEntity<String> paged = clerk.getForEntity("/engine-rest/task?firstResult=0&maxResults=2000", String.class);

    assertThat(unbounded.getStatusCode().value()).isEqualTo(400);
    assertThat(unbounded.getBody()).contains("unbound number of results");
    assertThat(tooLarge.getStatusCode().value()).isEqualTo(400);
    assertThat(paged.getStatusCode().value()).isEqualTo(200);
  }
}
