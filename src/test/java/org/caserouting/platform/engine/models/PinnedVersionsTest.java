package org.caserouting.platform.engine.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.caserouting.migration.Migrations;
import org.caserouting.platform.engine.task.TaskOutcome;
import org.caserouting.review.SingleAgencyReviewProcess;
import org.caserouting.support.Api;
import org.caserouting.support.CaseRouterTest;
import org.caserouting.support.CaseWork;
import org.caserouting.support.Migrating;
import org.caserouting.support.Release;
import org.caserouting.support.Submission;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * A case runs the versions it was built for (ADR 0029): a release with a new sign-off does not
 * reach a case that started before it, which signs off as it was built to, unless that case is
 * migrated on purpose (ADR 0030); a case started after the release signs off the new way.
 */
@CaseRouterTest
class PinnedVersionsTest {

  private static final String NEW_NAME = "陳核（新版） Sign-off, new version";

  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate http;
  @Autowired Migrations migrations;

  @Test
  void aNewSignOffReachesOnlyTheCasesStartedAfterItOrMigratedToIt() {
    Api portal = new Api(http);
    String before = portal.submit(Submission.householdTranscript()).body().get("applicationNo").asText();
    CaseWork earlier = new CaseWork(engine, before);
    earlier.work("hr-daan-clerk", TaskOutcome.APPROVE, "核發英文戶籍謄本");
    Task signedTheOldWay = earlier.taskFor("hr-daan-chief");
    String oldName = signedTheOldWay.getName();
    CaseWork waiting = new CaseWork(engine, portal.submit(Submission.householdTranscript()).body().get("applicationNo").asText());
    CaseWork migrated = new CaseWork(engine, portal.submit(Submission.householdTranscript()).body().get("applicationNo").asText());
    ProcessDefinition built = reviewOf(migrated);

    Release.of(engine, Map.of("sign-off.bpmn", model -> model.replace("<bpmn:userTask id=\"signOff\" name=\"陳核 Sign-off\"",
        "<bpmn:userTask id=\"signOff\" name=\"" + NEW_NAME + "\"")));
    try {
      ProcessDefinition released = engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey(SingleAgencyReviewProcess.KEY).latestVersion().singleResult();
      JsonNode migration = new Migrating(engine, new Api(http, "process-owner"), new Api(http, "demo")).migrate(
          Migrating.request("新版陳核適用於此案 The new sign-off for this case", List.of(migrated.applicationNo()),
              Migrating.level(SingleAgencyReviewProcess.KEY, built.getVersion(), released.getVersion())),
          migrations::advanceAll);
      assertThat(migration.get("status").asText()).as("%s", migration).isEqualTo("DONE");

      waiting.work("hr-daan-clerk", TaskOutcome.APPROVE, "核發英文戶籍謄本");
      migrated.work("hr-daan-clerk", TaskOutcome.APPROVE, "核發英文戶籍謄本");
      CaseWork after = new CaseWork(engine, portal.submit(Submission.householdTranscript()).body().get("applicationNo").asText());
      after.work("hr-daan-clerk", TaskOutcome.APPROVE, "核發英文戶籍謄本");

      assertThat(oldName).isNotEqualTo(NEW_NAME);
      assertThat(after.taskFor("hr-daan-chief").getName()).as("a case started after the release").isEqualTo(NEW_NAME);
      assertThat(migrated.taskFor("hr-daan-chief").getName()).as("a case started before it, migrated").isEqualTo(NEW_NAME);
      assertThat(earlier.taskFor("hr-daan-chief").getName()).as("a case already at its sign-off").isEqualTo(oldName);
      waiting.work("hr-daan-chief", TaskOutcome.APPROVE, null);
      assertThat(waiting.ended()).as("the earlier case ends on its own versions").isTrue();
    } finally {
      Release.original(engine);
    }
  }

  private ProcessDefinition reviewOf(CaseWork work) {
    String definitionId = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(work.applicationNo()).processDefinitionKey(SingleAgencyReviewProcess.KEY)
        .singleResult().getProcessDefinitionId();
    return engine.getRepositoryService().getProcessDefinition(definitionId);
  }
}
