package org.caserouting.platform.engine.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.caserouting.platform.engine.task.TaskOutcome.AGREE;
import static org.caserouting.platform.engine.task.TaskOutcome.AGREE_WITH_CONDITIONS;
import static org.caserouting.platform.engine.task.TaskOutcome.APPROVE;
import static org.caserouting.platform.engine.task.TaskOutcome.REJECT;
import static org.caserouting.review.JointReviewProcess.Variables.CONDITIONS;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.task.Task;
import org.caserouting.support.Api;
import org.caserouting.support.CaseRouterTest;
import org.caserouting.support.CaseWork;
import org.caserouting.support.Colleagues;
import org.caserouting.support.Submission;
import org.caserouting.support.WebappSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Legitimate logins trying to move a case outside its rules by what they submit with a task:
 * through the engine REST API and through Tasklist's own API (a separate JAX-RS application under
 * /camunda/api/engine), and the Java API. Each attempt is refused, names what it tried to write,
 * and leaves the case where it was.
 */
@CaseRouterTest
class SteeringAttackTest {

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;
  Api api;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The two HTTP doors to a task. */
  enum Door { ENGINE_REST, TASKLIST_API }

  /** One person's calls through one door. */
  interface Caller {
    Api.Response post(String path, String json);
  }

  @BeforeEach
  void api() {
    api = new Api(http);
  }

  private Caller as(Door door, String user) {
    if (door == Door.ENGINE_REST) {
      return (path, json) -> api.enginePost(user, path, json);
    }
    WebappSession tasklist = WebappSession.signIn("http://localhost:" + port, "tasklist", user);
    assertThat(tasklist.signedIn()).as("%s signs in to Tasklist", user).isTrue();
    // As Tasklist does after signing in: its first call hands the session its CSRF token.
    tasklist.engineGet("/task/count");
    return tasklist::enginePost;
  }

  // --- The report that opened this: a clerk ends the case at "withdrawn" without a decision ---

  @ParameterizedTest
  @EnumSource(Door.class)
  void aClerkAboveCannotCloseTheCaseWithoutADecision(Door door) {
    CaseWork work = lowIncomeAtTheAgencyAbove();
    Task review = work.taskFor("social-clerk");
    claim(review, "social-clerk");

    Api.Response refused =
        as(door, "social-clerk").post("/task/" + review.getId() + "/complete",
            variables("outcome", "APPROVE", "opinion", "核列低收入戶", "withdrawn", true));

    assertRefused(refused, review, "withdrawn");
    assertThat(variable(work, "withdrawn")).isNotEqualTo(true);
    // The case goes on as its rules say and ends decided, with the applicant told.
    work.work("social-clerk", APPROVE, "核列低收入戶");
    work.work("social-chief", APPROVE, "如擬");
    var application = api.get("/api/applications/" + work.applicationNo()).body();
    assertThat(application.get("status").asText()).isEqualTo("DECIDED");
    assertThat(application.get("decision").asText()).isEqualTo("APPROVED");
  }

  @Test
  void theSameFieldsThroughSubmitFormAreRefusedToo() {
    CaseWork work = lowIncomeAtTheAgencyAbove();
    Task review = work.taskFor("social-clerk");
    claim(review, "social-clerk");

    Api.Response refused =
        api.enginePost("social-clerk", "/task/" + review.getId() + "/submit-form",
            variables("outcome", "APPROVE", "withdrawn", true, "decision", "APPROVED"));

    assertRefused(refused, review, "withdrawn", "decision");
  }

  @Test
  void theJavaApiIsHeldToTheSameContract() {
    CaseWork work = lowIncomeAtTheAgencyAbove();
    Task review = work.taskFor("social-clerk");

    assertThatThrownBy(() -> engine.getTaskService().complete(review.getId(),
            Map.of("outcome", "APPROVE", "opinion", "核列", "withdrawn", true)))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("withdrawn");
    assertThat(engine.getTaskService().createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);
  }

  // --- Re-routing ---

  @ParameterizedTest
  @EnumSource(Door.class)
  void aClerkCannotReRouteTheCase(Door door) {
    CaseWork work = lowIncome();
    Task review = work.taskFor("do-daan-clerk");
    claim(review, "do-daan-clerk");

    Api.Response refused =
        as(door, "do-daan-clerk").post("/task/" + review.getId() + "/complete",
            variables("outcome", "APPROVE", "opinion", "擬陳轉", "receivingAgency", "ECON", "caseTypeCode",
                "IN-COMPANY-CHANGE", "levelIndex", 1, "hasHigherLevel", false, "route", "SINGLE_AGENCY"));

    assertRefused(refused, review, "receivingAgency", "caseTypeCode", "levelIndex", "hasHigherLevel", "route");
    assertThat(variable(work, "receivingAgency")).isEqualTo("DO-DAAN");
    assertThat(variable(work, "levelIndex")).isEqualTo(0);
  }

  // --- Co-review (會辦) ---

  @ParameterizedTest
  @EnumSource(Door.class)
  void aCoReviewerCannotAnswerAsAnotherAgencyNorOverwriteItsAnswer(Door door) {
    CaseWork work = roadUseAtCoReview();
    work.work("works-clerk", AGREE, "無意見");
    Task police = work.taskFor("police-clerk");
    claim(police, "police-clerk");

    Api.Response asAnother =
        as(door, "police-clerk").post("/task/" + police.getId() + "/complete",
            variables("outcome", "OBJECT", "opinion", "不同意", "legalBasis", "道路交通管理處罰條例第82條",
                "coReviewAgency", "WORKS"));

    assertRefused(asAnother, police, "coReviewAgency");
    assertThat(coReviewAnswer(work, "WORKS")).isEqualTo("AGREE");
    assertThat(coReviewAnswer(work, "POLICE")).isNull();
    // Answering for itself, the police's answer is recorded as the police's, whatever else it says.
    work.work("police-clerk", AGREE_WITH_CONDITIONS, "同意", CONDITIONS.of("夜間施工"));
    assertThat(coReviewAnswer(work, "POLICE")).isEqualTo("AGREE_WITH_CONDITIONS");
    assertThat(coReviewAnswer(work, "WORKS")).isEqualTo("AGREE");
  }

  // --- Sign-off (線上陳核) ---

  @ParameterizedTest
  @EnumSource(Door.class)
  void aSignerCannotEndASignOffOfSeveralSignersEarly(Door door) {
    CaseWork work = lowIncome();
    work.work("do-daan-clerk", REJECT, "所得超過標準");
    Task chief = work.taskFor("do-daan-chief");
    claim(chief, "do-daan-chief");

    Api.Response refused =
        as(door, "do-daan-chief").post("/task/" + chief.getId() + "/complete",
            variables("outcome", "APPROVE", "nrOfInstances", 1, "nrOfCompletedInstances", 1, "loopCounter", 1,
                "signers", "CHIEF"));

    assertRefused(refused, chief, "nrOfInstances", "nrOfCompletedInstances", "loopCounter", "signers");
    work.work("do-daan-chief", APPROVE, "如擬");
    assertThat(work.hasTaskFor("do-daan-director")).as("the director still signs after the chief").isTrue();
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void aDrafterCannotSignTheirOwnDraftByRewritingWhoDraftedIt(Door door) {
    colleague("do-daan-both", "do-daan-clerk", "do-daan-chief");
    CaseWork work = lowIncome();
    Task review = work.taskFor("do-daan-both");
    claim(review, "do-daan-both");

    Api.Response asSomeoneElse =
        as(door, "do-daan-both").post("/task/" + review.getId() + "/complete",
            variables("outcome", "APPROVE", "opinion", "擬陳轉", "reviewByReceivingAgencyBy", "do-daan-clerk"));
    assertRefused(asSomeoneElse, review, "reviewByReceivingAgencyBy");

    work.work("do-daan-both", APPROVE, "擬陳轉");
    Task signOff = work.taskFor("do-daan-chief");
    Caller drafter = as(door, "do-daan-both");
    Api.Response rewritten =
        drafter.post("/task/" + signOff.getId() + "/complete", variables("outcome", "APPROVE", "draftedBy", "do-daan-clerk"));
    Api.Response asThemselves =
        drafter.post("/task/" + signOff.getId() + "/complete", variables("outcome", "APPROVE"));

    assertRefused(rewritten, signOff, "draftedBy");
    assertRefused(asThemselves, signOff, "You drafted this decision");
    assertThat(variable(work, "draftedBy")).isEqualTo("do-daan-both");
    assertThat(api.get("/api/applications/" + work.applicationNo() + "/sign-offs").body().get("signOffs")).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void aSignatureIsRecordedUnderTheRoleAndAgencyTheTaskWasOfferedTo(Door door) {
    CaseWork work = lowIncome();
    work.work("do-daan-clerk", APPROVE, "擬陳轉");
    Task signOff = work.taskFor("do-daan-chief");
    claim(signOff, "do-daan-chief");

    Api.Response refused =
        as(door, "do-daan-chief").post("/task/" + signOff.getId() + "/complete",
            variables("outcome", "APPROVE", "signerRole", "DIRECTOR", "signingAgency", "SOCIAL", "signingLevel", 1,
                "decisionKind", "APPROVE"));

    assertRefused(refused, signOff, "signerRole", "signingAgency", "signingLevel", "decisionKind");
    assertThat(api.get("/api/applications/" + work.applicationNo() + "/sign-offs").body().get("signOffs")).isEmpty();
    work.work("do-daan-chief", APPROVE, "如擬");
    var signed = api.get("/api/applications/" + work.applicationNo() + "/sign-offs").body().get("signOffs").get(0);
    assertThat(signed.get("agency").asText()).isEqualTo("DO-DAAN");
    assertThat(signed.get("role").asText()).isEqualTo("CHIEF");
    assertThat(signed.get("decisionKind").asText()).isEqualTo("FORWARD");
  }

  // --- Errors and escalations nothing catches ---

  @ParameterizedTest
  @EnumSource(Door.class)
  void anErrorOrEscalationNothingCatchesCannotEndTheReview(Door door) {
    CaseWork work = lowIncomeAtTheAgencyAbove();
    Task review = work.taskFor("social-clerk");
    claim(review, "social-clerk");
    Caller clerk = as(door, "social-clerk");

    Api.Response error =
        clerk.post("/task/" + review.getId() + "/bpmnError",
            "{\"errorCode\": \"VERIFICATION_FAILED\", \"variables\": {\"withdrawn\": {\"value\": true}}}");
    Api.Response escalation =
        clerk.post("/task/" + review.getId() + "/bpmnEscalation", "{\"escalationCode\": \"DONE\"}");

    assertRefused(error, review, "VERIFICATION_FAILED", "withdrawn");
    assertRefused(escalation, review, "DONE");
    assertThat(work.ended()).isFalse();
  }

  // --- Writing variables through a task, and resolving a delegated task ---

  @Test
  void variablesWrittenThroughATaskAreHeldToItsForm() {
    CaseWork work = lowIncomeAtTheAgencyAbove();
    Task review = work.taskFor("social-clerk");
    String path = "/task/" + review.getId();

    // A clerk may not write task variables at all (the engine's grants); an administrator may
    // write only what the task's form offers.
    assertThat(api.enginePut("social-clerk", path + "/variables/withdrawn", "{\"value\": true}").status()).isEqualTo(403);
    Api.Response asAdmin = api.enginePut("demo", path + "/variables/withdrawn", "{\"value\": true}");
    Api.Response local = api.enginePost("demo", path + "/localVariables",
        "{\"modifications\": {\"receivingAgency\": {\"value\": \"ECON\"}}}");
    Api.Response removed = api.engineDelete("demo", path + "/variables/receivingAgency");
    Api.Response draft = api.enginePut("demo", path + "/localVariables/opinion", "{\"value\": \"草稿\"}");

    assertThat(asAdmin.status()).as("%s", asAdmin.body()).isEqualTo(403);
    assertThat(asAdmin.body().get("message").asText()).contains("withdrawn");
    assertThat(local.status()).as("%s", local.body()).isEqualTo(403);
    assertThat(removed.status()).as("%s", removed.body()).isEqualTo(403);
    assertThat(draft.status()).as("the form's own field may be kept as a draft").isEqualTo(204);
    assertThat(variable(work, "withdrawn")).isNotEqualTo(true);
    assertThat(variable(work, "receivingAgency")).isEqualTo("DO-DAAN");
  }

  @Test
  void resolvingADelegatedTaskIsHeldToItsForm() {
    CaseWork work = lowIncomeAtTheAgencyAbove();
    Task review = work.taskFor("social-clerk");
    engine.getTaskService().delegateTask(review.getId(), "social-clerk");

    Api.Response refused =
        api.enginePost("demo", "/task/" + review.getId() + "/resolve", variables("opinion", "已查", "withdrawn", true));

    assertRefused(refused, review, "withdrawn");
  }

  // --- Values the form does not allow ---

  @Test
  void valuesAreCheckedAgainstTheForm() {
    CaseWork work = roadUseAtCoReview();
    Task works = work.taskFor("works-clerk");
    claim(works, "works-clerk");

    Api.Response refused =
        api.enginePost("works-clerk", "/task/" + works.getId() + "/complete",
            variables("outcome", "MAYBE", "opinion", "x".repeat(4001), "legalBasis", 42, "conditions", "y".repeat(4001)));

    assertRefused(refused, works, "outcome", "opinion", "legalBasis", "conditions");
    assertThat(refused.body().get("message").asText())
        .contains("AGREE, AGREE_WITH_CONDITIONS, OBJECT", "longer than 4000 characters", "must be text");
  }

  // --- Computed fields ---

  @Test
  void aComputedFieldIsComputedByTheServerWhateverIsSubmitted() {
    engine.getRepositoryService().createDeployment().name("contract fixture").enableDuplicateFiltering(false)
        .addClasspathResource("contract/fee-check.bpmn").addClasspathResource("contract/fee-check.form").deploy();
    String instance = engine.getRuntimeService().startProcessInstanceByKey("fee-check").getId();
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
    claim(task, "do-daan-clerk");

    Api.Response done =
        api.enginePost("do-daan-clerk", "/task/" + task.getId() + "/complete",
            variables("outcome", "APPROVE", "pages", 3, "fee", 1));

    assertThat(done.status()).as("%s", done.body()).isEqualTo(204);
    Object fee = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance).variableName("fee").singleResult().getValue();
    assertThat(((Number) fee).intValue()).isEqualTo(60);
  }

  // --- Cases in the state each attack needs ---

  private CaseWork lowIncome() {
    Api.Response submitted = api.submit(Submission.lowIncome());
    assertThat(submitted.status()).as("%s", submitted.body()).isEqualTo(201);
    return new CaseWork(engine, submitted.body().get("applicationNo").asText());
  }

  private CaseWork lowIncomeAtTheAgencyAbove() {
    CaseWork work = lowIncome();
    work.work("do-daan-clerk", APPROVE, "經訪視符合資格，擬陳轉社會局");
    work.work("do-daan-chief", APPROVE, "如擬");
    return work;
  }

  /** Temporary road use: Transport leads, Police and Public Works co-review without an inspection. */
  private CaseWork roadUseAtCoReview() {
    Api.Response submitted =
        api.submit(Submission.of("TR-TEMPORARY-ROAD-USE").document("UPLOADABLE", "施工計畫書")
            .set("site", Map.of("address", "臺北市信義區松仁路100號前", "zone", "COMMERCIAL")));
    assertThat(submitted.status()).as("%s", submitted.body()).isEqualTo(201);
    CaseWork work = new CaseWork(engine, submitted.body().get("applicationNo").asText());
    work.work("trans-clerk", APPROVE, "文件齊備");
    return work;
  }

  private void claim(Task task, String user) {
    engine.getTaskService().claim(task.getId(), user);
  }

  private void colleague(String id, String... groups) {
    Colleagues.ensure(identity, id, groups);
  }


  /** A variable as the case's running instances hold it (the nearest one that has it). */
  private Object variable(CaseWork work, String name) {
    for (var instance :
        engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(work.applicationNo()).list()) {
      var value = engine.getRuntimeService().createVariableInstanceQuery()
          .processInstanceIdIn(instance.getId()).variableName(name).list();
      if (!value.isEmpty()) {
        return value.get(0).getValue();
      }
    }
    return null;
  }

  /** What the agency answered in the joint review, as its row records it; null before it answers. */
  private String coReviewAnswer(CaseWork work, String agency) {
    return jdbc.queryForObject(
        "select outcome from co_review where application_no = ? and agency = ?", String.class, work.applicationNo(), agency);
  }

  /** The task was refused with 400 (or 403 for a variable write), naming each variable, and is still open. */
  private void assertRefused(Api.Response response, Task task, String... named) {
    assertThat(response.status()).as("%s", response.body()).isIn(400, 403);
    assertThat(response.body().path("message").asText()).as("%s", response.body()).contains(named);
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count())
        .as("the task is still open").isEqualTo(1);
  }

  /** A complete/submit-form/resolve body: {"variables": {"name": {"value": ...}, ...}}. */
  private static String variables(Object... namesAndValues) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      variables.put((String) namesAndValues[i], Map.of("value", namesAndValues[i + 1]));
    }
    try {
      return JSON.writeValueAsString(Map.of("variables", variables));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
