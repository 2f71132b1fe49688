package org.caserouting.platform.engine.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.caserouting.support.CaseRouterTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A process owner deploys from Camunda Modeler (POST /engine-rest/deployment/create, as Modeler
 * sends it). What runs code, or could, is refused before anything of the deployment is evaluated,
 * with every violation named; a compliant model deploys as before.
 */
@CaseRouterTest
class ModelPolicyDeploymentTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;

  @Test
  void aScriptTaskIsRefused() {
    assertRefused(deploy("policy/script-task.bpmn"), "script-task.bpmn", "runScript", "script tasks are not allowed");
  }

  @Test
  void aJavaClassIsRefused() {
    assertRefused(deploy("policy/java-class.bpmn"), "java-class.bpmn", "runClass", "camunda:class is not allowed");
  }

  @Test
  void aTimerCallingABeanOutsideTheAllowListIsRefusedBeforeTheEngineEvaluatesIt() {
    assertRefused(deploy("policy/timer-bean.bpmn"), "timer-bean.bpmn", "everyNight",
        "this method may not be called: identityService.createUserQuery().count()");
  }

  @Test
  void anAllowedBeanCannotBeUsedToReachItsClass() {
    assertRefused(deploy("policy/class-through-helper.bpmn"), "class-through-helper.bpmn", "toEnd",
        "this method may not be called: agencyGroups.getClass().getClassLoader()");
  }

  @Test
  void aJuelDecisionTableIsRefused() {
    assertRefused(deploy("policy/juel-table.dmn"), "juel-table.dmn", "whoExpression",
        "decision tables are evaluated in FEEL only, not 'juel'");
  }

  @Test
  void aScopeTableThatLeavesAPromisedDocumentUnfetchedIsRefused() {
    long versions = engine.getRepositoryService().createDecisionDefinitionQuery()
        .decisionDefinitionKey("verificationScope").count();
    // The lint's broken copy: only the first row of dmn/verification-scope.dmn is left.
    ResponseEntity<String> response = deploy("lint/scope/verification-scope.dmn");

    assertRefused(response, "verification-scope.dmn", "verificationScope", "the scope leaves a document unfetched");
    assertThat(response.getBody()).contains("case type SW-LOW-INCOME: INCOME_RECORD is GOV_DB_VERIFIABLE");
    assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey("verificationScope")
        .count()).as("no new version of the table").isEqualTo(versions);
  }

  @Test
  void aRoutingTableThatLeavesATypeWithoutARouteIsRefused() {
    long versions = engine.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey("caseRoute").count();
    // The lint's broken copy: the row for types both co-reviewed and escalated is gone.
    ResponseEntity<String> response = deploy("lint/handling/routing.dmn");

    assertRefused(response, "routing.dmn", "handling", "a type could never be applied for");
    assertThat(response.getBody()).contains("case type SW-DISABILITY-CERTIFICATE: no row of routing.dmn gives it a route");
    assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey("caseRoute").count())
        .as("no new version of the table").isEqualTo(versions);
  }

  @Test
  void aRuleReadingAnAnswerItsTypesDoNotAskIsRefused() {
    long versions = engine.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey("coReviewAgencies").count();
    // The lint's broken copy: a rule of every industry type reads floorAreaSqm, which few of them ask.
    ResponseEntity<String> response = deploy("lint/answers/co-review.dmn");

    assertRefused(response, "co-review.dmn", "applicationData", "a rule reads an answer the type's form does not ask");
    assertThat(response.getBody()).contains("case type IN-COMPANY-CHANGE: rule coReviewRuleAnswer of coReviewAgencies reads"
        + " applicationData.floorAreaSqm").doesNotContain("case type IN-FACTORY-REGISTRATION:");
    assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey("coReviewAgencies").count())
        .as("no new version of the table").isEqualTo(versions);
  }

  @Test
  void aModelDeployedWithoutTheFormsItShowsIsRefused() {
    ResponseEntity<String> alone = deploy("processes/sign-off.bpmn");

    assertRefused(alone, "sign-off.bpmn", "signOff", "shows form 'sign-off' bound to its deployment, which does not hold it");

    ResponseEntity<String> withItsForm = deploy("processes/sign-off.bpmn", "forms/sign-off.form");
    assertThat(withItsForm.getStatusCode().value()).as(withItsForm.getBody()).isEqualTo(200);
  }

  @Test
  void anEmbeddedHtmlFormIsRefusedAndSoIsTheHtmlFile() {
    ResponseEntity<String> response = deploy("policy/html-form.bpmn", "policy/legacy.html");

    assertRefused(response, "html-form.bpmn", "fillForm", "embedded and external forms (camunda:formKey) are not allowed");
    assertThat(problems(response, "legacy.html")).contains("only .bpmn, .dmn and .form files are deployed");
  }

  @Test
  void aCompliantNewVersionDeploysAsTheProcessOwner() {
    long before = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("fee-check").count();

    ResponseEntity<String> first = deploy("contract/fee-check.bpmn", "contract/fee-check.form");
    ResponseEntity<String> second = deploy("contract/fee-check.bpmn", "contract/fee-check.form");

    assertThat(first.getStatusCode().value()).as(first.getBody()).isEqualTo(200);
    assertThat(second.getStatusCode().value()).as(second.getBody()).isEqualTo(200);
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("fee-check").count())
        .isEqualTo(before + 2);
  }

  @Test
  void aRefusedDeploymentDeploysNothingOfWhatCameWithIt() {
    long deployments = engine.getRepositoryService().createDeploymentQuery().count();

    ResponseEntity<String> response = deploy("contract/fee-check.bpmn", "contract/fee-check.form", "policy/script-task.bpmn");

    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
  }

  /** Refused with 400, the violation named in the message and in the resource's own report, and not deployed. */
  private void assertRefused(ResponseEntity<String> response, String resource, String elementId, String violation) {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
    assertThat(response.getBody()).contains(violation);
    JsonNode errors = details(response).path(resource).path("errors");
    assertThat(errors.findValuesAsText("mainElementId")).contains(elementId);
    assertThat(errors.findValuesAsText("message")).anyMatch(message -> message.contains(violation));
    assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentName("from Modeler " + resource).count())
        .isZero();
  }

  private String problems(ResponseEntity<String> response, String resource) {
    return details(response).path(resource).toString();
  }

  private JsonNode details(ResponseEntity<String> response) {
    try {
      return JSON.readTree(response.getBody()).path("details");
    } catch (IOException e) {
      throw new AssertionError("Not JSON: " + response.getBody(), e);
    }
  }

  /** The deployment Camunda Modeler makes: a name, its source, each file as a part of its own. */
  private ResponseEntity<String> deploy(String... classpathResources) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    String name = classpathResources[0].substring(classpathResources[0].lastIndexOf('/') + 1);
    parts.add("deployment-name", "from Modeler " + name);
    parts.add("deployment-source", "Camunda Modeler");
    for (String resource : classpathResources) {
      String file = resource.substring(resource.lastIndexOf('/') + 1);
      parts.add(file, new ByteArrayResource(read(resource)) {
        @Override
        public String getFilename() {
          return file;
        }
      });
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth("process-owner", "demo")
        .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(parts, headers), String.class);
  }

  private static byte[] read(String resource) {
    try (InputStream in = ModelPolicyDeploymentTest.class.getClassLoader().getResourceAsStream(resource)) {
      return in.readAllBytes();
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("No test resource " + resource, e);
    }
  }
}
