package org.caserouting.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.caserouting.cases.ApplicationRepository;
import org.caserouting.cases.CaseEvent;
import org.caserouting.cases.CaseEventKind;
import org.caserouting.cases.CaseEventRepository;
import org.caserouting.cases.Decision;
import org.caserouting.mail.Notification;
import org.caserouting.mail.NotificationKind;
import org.caserouting.mail.NotificationRepository;
import org.caserouting.platform.engine.task.TaskOutcome;
import org.caserouting.review.VerticalEscalatedApprovalProcess.Elements;
import org.caserouting.review.VerticalEscalatedApprovalProcess;
import org.caserouting.signoff.SignOffProcess;
import org.caserouting.support.Api;
import org.caserouting.support.CaseRouterTest;
import org.caserouting.support.CaseWork;
import org.caserouting.support.Migrating;
import org.caserouting.support.Release;
import org.caserouting.support.Submission;
import org.caserouting.tracking.Timeline;
import org.caserouting.tracking.Timelines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;

/**
 * A process owner releases version 2 of the vertical review, with the upper sign-off renamed and
 * a check before dispatch added, while low-income cases wait at three different steps. The dry
 * run says what would move; a second person approves; the engine's batch moves the cases, each
 * told on its record; each then finishes on version 2, through the added step, to its decision.
 */
@CaseRouterTest
class ModelMigrationTest {

  private static final String KEY = VerticalEscalatedApprovalProcess.KEY;
  private static final String RENAMED = "signOffAtUpperAgency";
  private static final String ADDED = "checkBeforeDispatch";

  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate http;
  @Autowired Migrations migrations;
  @Autowired CaseEventRepository events;
  @Autowired NotificationRepository notifications;
  @Autowired ApplicationRepository applications;
  @Autowired Timelines timelines;

  private Migrating migrating;
  private Api portal;

  @BeforeEach
  void processOwnerAndAdministrator() {
    portal = new Api(http);
    migrating = new Migrating(engine, new Api(http, "process-owner"), new Api(http, "demo"));
  }

  @AfterEach
  void theRepositorysModelsAgain() {
    Release.original(engine);
  }

  @Test
  void casesWaitingAtThreeStepsMoveToVersionTwoAndEachFinishesThere() {
    CaseWork atFirstReview = submitted();
    CaseWork atUpperReview = submitted();
    toUpperReview(atUpperReview);
    CaseWork atUpperSignOff = submitted();
    toUpperReview(atUpperSignOff);
    atUpperSignOff.work("social-clerk", TaskOutcome.APPROVE, "核列低收入戶第二類");
    int v1 = verticalOf(atFirstReview).getVersion();
    ProcessDefinition signOffBefore = definitionOf(atUpperSignOff, SignOffProcess.KEY);
    List<String> ours = List.of(atFirstReview.applicationNo(), atUpperReview.applicationNo(), atUpperSignOff.applicationNo());

    releaseVersionTwo();
    int v2 = latestVertical().getVersion();
    String v2Id = latestVertical().getId();
    ProcessDefinition signOffReleased = latest(SignOffProcess.KEY);
    String request = Migrating.request("上級機關發文前加核對 A check before the agency above dispatches", ours,
        Migrating.level(KEY, v1, v2, Elements.UPPER_SIGN_OFF, RENAMED),
        Migrating.level(SignOffProcess.KEY, signOffBefore.getVersion(), signOffReleased.getVersion()));

    Api.Response dryRun = migrating.dryRun(request);
    assertThat(dryRun.status()).as("%s", dryRun.body()).isEqualTo(200);
    JsonNode level = dryRun.body().get("levels").get(0);
    assertThat(dryRun.body().get("levels").get(1).get("migratable").asInt()).as("the chief's sign-off, called by one case").isEqualTo(1);
    assertThat(level.get("instances").asInt()).isEqualTo(3);
    assertThat(level.get("migratable").asInt()).isEqualTo(3);
    assertThat(level.get("notMigratable")).isEmpty();
    assertThat(level.get("refusedMappings")).isEmpty();
    assertThat(waitingAt(level)).containsExactlyInAnyOrderEntriesOf(Map.of(
        Elements.FIRST_REVIEW, 1, Elements.UPPER_REVIEW, 1, Elements.UPPER_SIGN_OFF, 1));
    assertThat(level.get("instructions").toString()).contains("{\"from\":\"" + Elements.UPPER_SIGN_OFF + "\",\"to\":\"" + RENAMED + "\"}");
    assertThat(verticalOf(atFirstReview).getVersion()).as("a dry run moves nothing").isEqualTo(v1);

    JsonNode migration = migrating.migrate(request, migrations::advanceAll);

    assertThat(migration.get("status").asText()).as("%s", migration).isEqualTo("DONE");
    assertThat(migration.get("statusLabel").asText()).isEqualTo("完成 Done");
    assertThat(migration.get("proposedBy").asText()).isEqualTo("process-owner");
    assertThat(migration.get("decidedBy").asText()).isEqualTo("demo");
    assertThat(new Api(http, "process-owner").get("/api/model-migrations").body().findValuesAsText("id"))
        .as("the list of migrations, latest first").first().isEqualTo(String.valueOf(Migrating.id(migration)));
    JsonNode outcome = migration.get("outcome").get("levels").get(0);
    assertThat(outcome.get("migrated").findValuesAsText("applicationNo")).containsExactlyInAnyOrderElementsOf(ours);
    assertThat(outcome.get("failed")).isEmpty();
    JsonNode called = migration.get("outcome").get("levels").get(1);
    assertThat(called.get("migrated").findValuesAsText("applicationNo")).as("the level below, after the level above")
        .containsExactly(atUpperSignOff.applicationNo());
    assertThat(definitionOf(atUpperSignOff, SignOffProcess.KEY).getId()).isEqualTo(signOffReleased.getId());
    for (CaseWork work : List.of(atFirstReview, atUpperReview, atUpperSignOff)) {
      assertThat(verticalOf(work).getVersion()).as("%s moved", work.applicationNo()).isEqualTo(v2);
      assertThat(events.findByApplicationNoOrderByOccurredAtAscIdAsc(work.applicationNo()))
          .filteredOn(event -> event.getKind() == CaseEventKind.MIGRATED).extracting(CaseEvent::getDetail)
          .filteredOn(detail -> detail.startsWith(KEY)).singleElement()
          .asString().contains(KEY + " v" + v1 + " → " + KEY + " v" + v2, "#" + Migrating.id(migration), "process-owner", "demo");
    }
    assertThat(moved(atFirstReview)).as("the district clerks whose review moved are told")
        .extracting(Notification::getRecipient).contains("do-daan-clerk@staff.example.org");
    assertThat(moved(atUpperReview)).extracting(Notification::getRecipient).contains("social-clerk@staff.example.org");
    assertThat(moved(atUpperSignOff)).as("the chief's sign-off moved with the called process's level")
        .extracting(Notification::getRecipient).contains("social-chief@staff.example.org");
    assertThat(timelines.of(atFirstReview.applicationNo()).orElseThrow().steps())
        .as("the applicant reads that the case follows the current procedure").extracting(Timeline.Step::kind).contains("MIGRATED");

    toUpperReview(atFirstReview);
    atFirstReview.work("social-clerk", TaskOutcome.APPROVE, "核列低收入戶第二類");
    atUpperReview.work("social-clerk", TaskOutcome.APPROVE, "核列低收入戶第二類");
    for (CaseWork work : List.of(atFirstReview, atUpperReview, atUpperSignOff)) {
      work.work("social-chief", TaskOutcome.APPROVE, null);
      assertThat(work.taskFor("social-clerk").getTaskDefinitionKey()).as("%s meets the added step", work.applicationNo())
          .isEqualTo(ADDED);
      work.work("social-clerk", TaskOutcome.APPROVE, "已核對，發文");
      assertThat(work.ended()).isTrue();
      assertThat(applications.findByApplicationNo(work.applicationNo()).orElseThrow().getDecision()).isEqualTo(Decision.APPROVED);
      assertThat(endedIn(work)).as("%s ended on version 2", work.applicationNo()).isEqualTo(v2Id);
    }
  }

  @Test
  void aMappingPastAStepNotYetDoneIsRefusedAndItsCasesStay() {
    CaseWork atFirstReview = submitted();
    int v1 = verticalOf(atFirstReview).getVersion();
    releaseVersionTwo();

    Api.Response dryRun = migrating.dryRun(Migrating.request("試跳過區公所陳核", List.of(atFirstReview.applicationNo()),
        Migrating.level(KEY, v1, latestVertical().getVersion(), Elements.FIRST_REVIEW, Elements.UPPER_REVIEW,
            Elements.UPPER_SIGN_OFF, RENAMED)));

    assertThat(dryRun.status()).as("%s", dryRun.body()).isEqualTo(200);
    JsonNode level = dryRun.body().get("levels").get(0);
    assertThat(level.get("refusedMappings").findValuesAsText("from")).containsExactly(Elements.FIRST_REVIEW);
    assertThat(level.get("refusedMappings").get(0).get("reason").asText())
        .contains("會略過尚未辦理", Elements.RECEIVING_SIGN_OFF);
    assertThat(level.get("migratable").asInt()).isZero();
    assertThat(level.get("notMigratable").findValuesAsText("applicationNo")).containsExactly(atFirstReview.applicationNo());
    assertThat(level.get("activities").get(0).get("reasons").toString()).contains(Elements.RECEIVING_SIGN_OFF);
  }

  @Test
  void aCaseThatMovedOnBeforeItsTurnStaysOnItsVersionWithAnIncidentAndGoesOn() {
    CaseWork atReceivingSignOff = submitted();
    atReceivingSignOff.work("do-daan-clerk", TaskOutcome.APPROVE, "經訪視家庭總收入低於最低生活費");
    int v1 = verticalOf(atReceivingSignOff).getVersion();
    releaseVersionTwo();
    // Cases at the first review may not move to the upper review: one that returns there cannot move.
    String request = Migrating.request("先試區公所陳核中的案件", List.of(atReceivingSignOff.applicationNo()),
        Migrating.level(KEY, v1, latestVertical().getVersion(), Elements.FIRST_REVIEW, Elements.UPPER_REVIEW));
    long id = Migrating.id(migrating.propose(request).body());

    Api.Response bySelf = new Api(http, "process-owner").postJson("/api/model-migrations/" + id + "/approve", "",
        new HttpHeaders());
    assertThat(bySelf.status()).isEqualTo(422);
    assertThat(bySelf.body().get("type").asText()).endsWith("/second-person-needed");
    assertThat(migrating.approve(id).status()).isEqualTo(200);
    atReceivingSignOff.work("do-daan-chief", TaskOutcome.RETURN, "請補充訪視紀錄");
    migrating.runBatches();
    migrations.advanceAll();

    JsonNode migration = migrating.read(id).body();
    assertThat(migration.get("status").asText()).as("%s; jobs %s", migration, engine.getManagementService().createJobQuery().list()
        .stream().map(j -> j.getJobDefinitionId() + "/" + j.getRetries() + "/" + j.getExceptionMessage()).toList()).isEqualTo("DONE");
    JsonNode failed = migration.get("outcome").get("levels").get(0).get("failed");
    assertThat(failed.findValuesAsText("applicationNo")).containsExactly(atReceivingSignOff.applicationNo());
    assertThat(failed.get(0).get("reason").asText()).contains(Elements.FIRST_REVIEW);
    ProcessInstance vertical = verticalInstance(atReceivingSignOff);
    assertThat(verticalOf(atReceivingSignOff).getVersion()).as("it stays on its version").isEqualTo(v1);
    Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(vertical.getId())
        .incidentType(Migrations.INCIDENT).singleResult();
    assertThat(incident.getIncidentMessage()).contains("#" + id, "version " + v1);
    assertThat(engine.getManagementService().createBatchQuery().count()).as("no failed batch left behind").isZero();

    engine.getRuntimeService().resolveIncident(incident.getId());
    toUpperReview(atReceivingSignOff);
    atReceivingSignOff.work("social-clerk", TaskOutcome.APPROVE, "核列低收入戶第二類");
    atReceivingSignOff.work("social-chief", TaskOutcome.APPROVE, null);
    assertThat(applications.findByApplicationNo(atReceivingSignOff.applicationNo()).orElseThrow().getDecision())
        .as("nothing is lost: it is decided on its own version").isEqualTo(Decision.APPROVED);
  }

  @Test
  void aMigrationIsRefusedThroughEveryOtherDoorAndToAnyoneButProcessOwnersAndAdministrators() {
    CaseWork waiting = submitted();
    ProcessDefinition version = verticalOf(waiting);
    String plan = "{\"migrationPlan\":{\"sourceProcessDefinitionId\":\"" + version.getId() + "\",\"targetProcessDefinitionId\":\""
        + version.getId() + "\",\"instructions\":[{\"sourceActivityIds\":[\"" + Elements.FIRST_REVIEW
        + "\"],\"targetActivityIds\":[\"" + Elements.FIRST_REVIEW + "\"]}]},\"processInstanceIds\":[\""
        + verticalInstance(waiting).getId() + "\"]}";
    Api anyone = new Api(http);

    for (String path : List.of("/migration/execute", "/migration/executeAsync")) {
      Api.Response engineRest = anyone.enginePost("demo", path, plan);
      assertThat(engineRest.status()).as("%s by an administrator: %s", path, engineRest.body()).isEqualTo(403);
      assertThat(engineRest.body().toString()).contains("/api/model-migrations");
    }
    Api.Response clerk = new Api(http, "do-daan-clerk").postJson("/api/model-migrations/dry-run",
        Migrating.request("x", Migrating.level(KEY, version.getVersion(), version.getVersion())), new HttpHeaders());
    assertThat(clerk.status()).isEqualTo(403);
    Api.Response invalid = migrating.dryRun("{\"levels\":[{\"processKey\":\"" + KEY + "\",\"sourceVersion\":0,"
        + "\"mappings\":[{\"from\":\"x\"}]}]}");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.invalidFields()).containsExactly("levels[0].sourceVersion", "levels[0].targetVersion", "levels[0].mappings[0]");
    Api.Response unknown = migrating.dryRun(Migrating.request("x",
        Migrating.level(KEY, version.getVersion(), 99999, "noSuchActivity", Elements.FIRST_REVIEW)));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.invalidFields()).containsExactly("levels[0].targetVersion");
    Api.Response unknownActivity = migrating.dryRun(Migrating.request("x",
        Migrating.level(KEY, version.getVersion(), version.getVersion(), "noSuchActivity", Elements.FIRST_REVIEW)));
    assertThat(unknownActivity.status()).isEqualTo(400);
    assertThat(unknownActivity.invalidFields()).containsExactly("levels[0].mappings[0].from");
    Api.Response noReason = migrating.propose(Migrating.request(" ", Migrating.level(KEY, version.getVersion(), version.getVersion())));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.invalidFields()).containsExactly("reason");
  }

  private CaseWork submitted() {
    return new CaseWork(engine, portal.submit(Submission.lowIncome()).body().get("applicationNo").asText());
  }

  private static void toUpperReview(CaseWork work) {
    work.work("do-daan-clerk", TaskOutcome.APPROVE, "經訪視家庭總收入低於最低生活費");
    work.work("do-daan-chief", TaskOutcome.APPROVE, "如擬，陳轉社會局");
  }

  /** Version 2: the upper sign-off renamed, and a check before dispatch added after it. */
  private void releaseVersionTwo() {
    Release.of(engine, Map.of("vertical-escalated-approval.bpmn", model -> model
        .replace(Elements.UPPER_SIGN_OFF, RENAMED)
        .replace("<bpmn:sequenceFlow id=\"decidedAtUpperLevel\" sourceRef=\"upperDraftKind\" targetRef=\"decided\" />",
            "<bpmn:sequenceFlow id=\"decidedAtUpperLevel\" sourceRef=\"upperDraftKind\" targetRef=\"" + ADDED + "\" />"
                + "<bpmn:sequenceFlow id=\"checkedBeforeDispatch\" sourceRef=\"" + ADDED + "\" targetRef=\"decided\" />")
        .replace("<bpmn:incoming>decidedAtUpperLevel</bpmn:incoming>\n    </bpmn:exclusiveGateway>",
            "<bpmn:incoming>checkedBeforeDispatch</bpmn:incoming>\n    </bpmn:exclusiveGateway>")
        .replace("<bpmn:exclusiveGateway id=\"decided\">",
            "<bpmn:userTask id=\"" + ADDED + "\" name=\"發文前核對 Check before dispatch\""
                + " camunda:candidateGroups=\"${agencyGroups.clerks(currentAgency)}\" camunda:formRef=\"upper-review\""
                + " camunda:formRefBinding=\"deployment\"><bpmn:extensionElements><camunda:properties>"
                + "<camunda:property name=\"outcomes\" value=\"APPROVE\" /></camunda:properties></bpmn:extensionElements>"
                + "<bpmn:incoming>decidedAtUpperLevel</bpmn:incoming><bpmn:outgoing>checkedBeforeDispatch</bpmn:outgoing>"
                + "</bpmn:userTask><bpmn:exclusiveGateway id=\"decided\">")));
  }

  private ProcessDefinition latestVertical() {
    return latest(KEY);
  }

  private ProcessDefinition latest(String key) {
    return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
  }

  private ProcessDefinition definitionOf(CaseWork work, String key) {
    String id = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(work.applicationNo())
        .processDefinitionKey(key).singleResult().getProcessDefinitionId();
    return engine.getRepositoryService().getProcessDefinition(id);
  }

  private ProcessInstance verticalInstance(CaseWork work) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(work.applicationNo())
        .processDefinitionKey(KEY).singleResult();
  }

  private ProcessDefinition verticalOf(CaseWork work) {
    return definitionOf(work, KEY);
  }

  private List<Notification> moved(CaseWork work) {
    return notifications.findByApplicationNoOrderByCreatedAtAscIdAsc(work.applicationNo()).stream()
        .filter(mail -> mail.getKind() == NotificationKind.TASK_MOVED).toList();
  }

  /** The vertical review's last activity, by the definition it ran under. */
  private String endedIn(CaseWork work) {
    List<String> definitions = new ArrayList<>();
    for (HistoricActivityInstance activity : engine.getHistoryService().createHistoricActivityInstanceQuery()
        .activityId(Elements.DECISION_MADE).list()) {
      var instance = engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processInstanceId(activity.getProcessInstanceId()).singleResult();
      if (work.applicationNo().equals(instance.getBusinessKey())) {
        definitions.add(activity.getProcessDefinitionId());
      }
    }
    return String.join(",", definitions);
  }

  private static Map<String, Integer> waitingAt(JsonNode level) {
    Map<String, Integer> counts = new HashMap<>();
    StreamSupport.stream(level.get("activities").spliterator(), false)
        .forEach(activity -> counts.put(activity.get("activityId").asText(), activity.get("instances").asInt()));
    return counts;
  }
}
