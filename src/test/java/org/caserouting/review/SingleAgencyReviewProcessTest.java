package org.caserouting.review;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Date;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.caserouting.identity.AgencyGroups;
import org.caserouting.review.SingleAgencyReviewProcess.Elements;
import org.caserouting.support.ProcessEngines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** processes/single-agency-review.bpmn on its own: the clerk proposes, the chief signs off. */
@Deployment(resources = "processes/single-agency-review.bpmn")
class SingleAgencyReviewProcessTest {

  @RegisterExtension static ProcessEngineExtension engine = ProcessEngines.extension();

  @BeforeEach
  void beans() {
    // The Spring tests' engine may live in the same JVM: name the one this test uses.
    init(engine.getProcessEngine());
    Mocks.register("agencyGroups", new AgencyGroups());
    Mocks.register("concludeSingleAgencyReview", new ConcludeSingleAgencyReviewDelegate());
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
            withVariables("receivingAgency", receivingAgency, "dueDate", new Date()));
  }

  @Test
  void reviewGoesToTheReceivingAgencysClerksThenItsChiefs() {
    ProcessInstance review = startFor("ECON");

    assertThat(task(review)).hasDefinitionKey(Elements.REVIEW).hasCandidateGroup("econ-clerk");
    complete(task(review), withVariables("outcome", "APPROVE", "opinion", "符合規定"));
    assertThat(task(review)).hasDefinitionKey(Elements.SIGN_OFF).hasCandidateGroup("econ-chief");
  }

  @Test
  void signedRejectionKeepsTheClerksReasons() {
    ProcessInstance review = startFor("ECON");

    complete(task(review), withVariables("outcome", "REJECT", "opinion", "營業場所位於住宅區"));
    complete(task(review), withVariables("outcome", "APPROVE"));

    assertThat(review)
        .isEnded()
        .hasPassed(Elements.CONCLUDE, Elements.REVIEWED)
        .variables()
        .containsEntry("decision", "REJECTED")
        .containsEntry("decisionReason", "營業場所位於住宅區");
  }

  @Test
  void caseGoesBackAndForthUntilTheChiefSigns() {
    ProcessInstance review = startFor("ECON");

    complete(task(review), withVariables("outcome", "APPROVE", "opinion", "初審通過"));
    complete(task(review), withVariables("outcome", "RETURN", "opinion", "請補充消防意見"));
    complete(task(review), withVariables("outcome", "APPROVE", "opinion", "已補充消防意見，符合規定"));
    complete(task(review), withVariables("outcome", "APPROVE"));

    assertThat(review)
        .isEnded()
        .variables()
        .containsEntry("decision", "APPROVED")
        .containsEntry("decisionReason", "已補充消防意見，符合規定");
  }
}
