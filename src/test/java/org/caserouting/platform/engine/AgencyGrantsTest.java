package org.caserouting.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caserouting.platform.engine.task.TaskOutcome.APPROVE;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.caserouting.cases.SubmitApplicationRequest;
import org.caserouting.intake.IntakeService;
import org.caserouting.support.CaseRouterTest;
import org.caserouting.support.CaseWork;
import org.caserouting.support.Submission;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The grants a case's tasks give their agencies (ADR 0006), made without a look-up per grant:
 * grants on an instance created earlier are loaded at once and amended, never duplicated.
 */
@CaseRouterTest
class AgencyGrantsTest {

  @Autowired IntakeService intake;
  @Autowired ProcessEngine engine;

  @Test
  void eachAgencyTheCaseReachesMayReadItAndNoOtherMay() {
    SubmitApplicationRequest request =
        new ObjectMapper().convertValue(Submission.lowIncome().body(), SubmitApplicationRequest.class);
    CaseWork work = new CaseWork(engine, intake.submit(request, null).answer().applicationNo());
    String root = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(work.applicationNo()).processDefinitionKey("case-intake").singleResult().getId();

    work.work("do-daan-clerk", APPROVE, "擬陳轉");
    assertThat(readersOf(root)).containsExactlyInAnyOrder("do-daan-clerk", "do-daan-chief", "do-daan-director");

    // The district chief's sign-off sends the case up: the department's task is in an instance
    // that existed before this command, on a root whose grants were made in earlier ones.
    work.work("do-daan-chief", APPROVE, "如擬");
    assertThat(readersOf(root)).containsExactlyInAnyOrder("do-daan-clerk", "do-daan-chief", "do-daan-director",
        "social-clerk", "social-chief", "social-director");
    for (ProcessInstance instance : engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(work.applicationNo()).list()) {
      List<Authorization> grants = engine.getAuthorizationService().createAuthorizationQuery()
          .resourceId(instance.getId()).list();
      assertThat(grants.stream().map(grant -> grant.getGroupId() + " " + grant.getResourceType()).toList())
          .as("one grant per group and resource on %s", instance.getProcessDefinitionId())
          .doesNotHaveDuplicates();
    }
  }

  /** The groups that may read the instance and its history. */
  private Set<String> readersOf(String instanceId) {
    Set<String> running = groupsWith(instanceId, Resources.PROCESS_INSTANCE, Permissions.READ);
    Set<String> historic =
        groupsWith(instanceId, Resources.HISTORIC_PROCESS_INSTANCE, HistoricProcessInstancePermissions.READ);
    assertThat(historic).as("readers of the history of %s", instanceId).isEqualTo(running);
    return running;
  }

  private Set<String> groupsWith(String instanceId, Resource resource, Permission permission) {
    return engine.getAuthorizationService().createAuthorizationQuery()
        .resourceId(instanceId).resourceType(resource).list().stream()
        .filter(grant -> grant.isPermissionGranted(permission))
        .map(Authorization::getGroupId)
        .collect(Collectors.toSet());
  }
}
