package org.caserouting.review;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.caserouting.platform.engine.task.TaskOutcome.APPROVE;
import static org.caserouting.platform.engine.task.TaskOutcome.OPINION;
import static org.caserouting.platform.engine.task.TaskOutcome.OUTCOME;
import static org.caserouting.platform.engine.task.TaskOutcome.REJECT;
import static org.caserouting.platform.engine.task.TaskOutcome.RETURN;

import java.util.Date;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.caserouting.cases.CaseVariables;
import org.caserouting.platform.AgencyGroups;
import org.caserouting.platform.Variable;
import org.caserouting.review.SingleAgencyReviewProcess.Elements;
import org.caserouting.support.CaseRouterTest;
import org.caserouting.support.ProcessEngines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;

/** processes/single-agency-review.bpmn on its own: the clerk drafts, the sign-off (a stub here) answers. */
@Deployment(resources = {"processes/single-agency-review.bpmn", "stubs/sign-off-stub.bpmn"})
// The engine extension resets the engine's clock, which is one for the JVM, after each test.
@ResourceLock(CaseRouterTest.SPRING_CONTEXT)
class SingleAgencyReviewProcessTest {

  @RegisterExtension static ProcessEngineExtension engine = ProcessEngines.extension();

  @BeforeEach
  void beans() {
    // The Spring tests' engine may live in the same JVM: name the one this test uses.
    init(engine.getProcessEngine());
    Mocks.register("agencyGroups", new AgencyGroups());
    Mocks.register("concludeSingleAgencyReview", new SingleAgencyReviewAdapters().concludeSingleAgencyReview());
  }

  @AfterEach
  void forgetBeans() {
    Mocks.reset();
  }

  private ProcessInstance startFor(String receivingAgency) {
    return runtimeService()
        .startProcessInstanceByKey(
            SingleAgencyReviewProcess.KEY,
            "2026-IN-000042",
            Variable.values(CaseVariables.RECEIVING_AGENCY.of(receivingAgency), CaseVariables.DUE_DATE.of(new Date())));
  }

  private static void signOff(ProcessInstance review, boolean signed) {
    ProcessInstance signOff = calledProcessInstance(review);
    complete(task(signOff), Variable.values(OUTCOME.of(signed ? APPROVE.name() : RETURN.name()), OPINION.of("簽核")));
  }

  @Test
  void reviewGoesToTheReceivingAgencysClerksThenToSignOff() {
    ProcessInstance review = startFor("ECON");

    assertThat(task(review)).hasDefinitionKey(Elements.REVIEW).hasCandidateGroup("econ-clerk");
    complete(task(review), Variable.values(OUTCOME.of(APPROVE.name()), OPINION.of("符合規定")));
    assertThat(review).isWaitingAt(Elements.SIGN_OFF);
    assertThat(calledProcessInstance(review)).hasBusinessKey("2026-IN-000042");
  }

  @Test
  void signedRejectionKeepsTheClerksReasons() {
    ProcessInstance review = startFor("ECON");

    complete(task(review), Variable.values(OUTCOME.of(REJECT.name()), OPINION.of("營業場所位於住宅區")));
    signOff(review, true);

    assertThat(review)
        .isEnded()
        .hasPassed(Elements.CONCLUDE, Elements.REVIEWED)
        .variables()
        .containsEntry(CaseVariables.DECISION.name(), "REJECTED")
        .containsEntry(CaseVariables.DECISION_REASON.name(), "營業場所位於住宅區");
  }

  @Test
  void returnedDraftGoesBackToTheClerkUntilItIsSigned() {
    ProcessInstance review = startFor("ECON");

    complete(task(review), Variable.values(OUTCOME.of(APPROVE.name()), OPINION.of("初審通過")));
    signOff(review, false);
    assertThat(review).isWaitingAt(Elements.REVIEW);
    complete(task(review), Variable.values(OUTCOME.of(APPROVE.name()), OPINION.of("已補充消防意見，符合規定")));
    signOff(review, true);

    assertThat(review)
        .isEnded()
        .variables()
        .containsEntry(CaseVariables.DECISION.name(), "APPROVED")
        .containsEntry(CaseVariables.DECISION_REASON.name(), "已補充消防意見，符合規定");
  }
}
