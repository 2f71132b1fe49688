package org.caserouting.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caserouting.platform.engine.task.TaskOutcome.APPROVE;
import static org.caserouting.platform.engine.task.TaskOutcome.OPINION;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.caserouting.cases.CaseVariables;
import org.caserouting.support.Api;
import org.caserouting.support.CaseRouterTest;
import org.caserouting.support.Submission;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** The engine keeps a finished case's history for the configured period, then the cleanup removes all of it. */
@CaseRouterTest
class HistoryRetentionTest {

  /** caserouting.retention.history-time-to-live in application.yaml. */
  private static final int CONFIGURED_DAYS = 1825;

  @Autowired RepositoryService repository;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired TestRestTemplate http;

  @Test
  void everyProcessKeepsHistoryForTheConfiguredPeriodWhateverItsModelSays() {
    assertThat(repository.createProcessDefinitionQuery().list())
        .isNotEmpty()
        .allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).as(definition.getKey()).isEqualTo(CONFIGURED_DAYS));

    Deployment deployment = repository.createDeployment()
        .addModelInstance("retention-probe.bpmn",
            Bpmn.createExecutableProcess("retentionProbe").camundaHistoryTimeToLive(30).startEvent().endEvent().done())
        .deploy();
    try {
      ProcessDefinition redesigned = repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).singleResult();
      assertThat(redesigned.getHistoryTimeToLive()).as("a process owner's new model").isEqualTo(CONFIGURED_DAYS);
    } finally {
      repository.deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void theCleanupRemovesADecidedCaseAndItsVariablesFromTheEnginesHistory() {
    Api api = new Api(http);
    String no = api.submit(Submission.householdTranscript()).body().get("applicationNo").asText();
    api.workTask("hr-daan-clerk", no, APPROVE, OPINION.of("核發英文戶籍謄本"));
    api.workTask("hr-daan-chief", no, APPROVE);
    List<String> instances = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(no).list().stream()
        .map(HistoricProcessInstance::getId).toList();
    assertThat(instances).isNotEmpty();
    assertThat(variables(instances)).extracting(HistoricVariableInstance::getName).contains(CaseVariables.CASE_TYPE_NAME.name())
        .as("the applicant's name stays in the application, never in the engine")
        .doesNotContain("applicantName");

    // As if the retention period had passed for this case alone (the other tests' cases stay).
    runBatch(history.setRemovalTimeToHistoricProcessInstances()
        .absoluteRemovalTime(new Date(System.currentTimeMillis() - 60_000))
        .byQuery(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(no))
        .hierarchical()
        .executeAsync());
    Job cleanup = history.cleanUpHistoryAsync(true);
    management.executeJob(cleanup.getId());

    assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(no).count()).isZero();
    assertThat(variables(instances)).isEmpty();
    assertThat(history.createHistoricDetailQuery().processInstanceIdIn(instances.toArray(String[]::new)).count()).isZero();
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(no).count()).isZero();
  }

  private List<HistoricVariableInstance> variables(List<String> instances) {
    return history.createHistoricVariableInstanceQuery().processInstanceIdIn(instances.toArray(String[]::new)).list();
  }

  /** Runs a batch's seed, execution and monitor jobs here, as the job executor would. */
  private void runBatch(Batch batch) {
    for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(), batch.getMonitorJobDefinitionId())) {
      for (Job job : management.createJobQuery().jobDefinitionId(definition).list()) {
        management.executeJob(job.getId());
      }
    }
  }
}
