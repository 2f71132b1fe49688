package org.caserouting.intake;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.caserouting.catalog.DocumentClass;
import org.caserouting.intake.IntakeProcess.Elements;
import org.caserouting.intake.SubmitApplicationRequest.Applicant;
import org.caserouting.intake.SubmitApplicationRequest.Document;
import org.caserouting.intake.SubmitApplicationRequest.SubmittedVia;
import org.caserouting.review.SingleAgencyReviewProcess;
import org.caserouting.support.CaseRouterTest;
import org.caserouting.support.Submission;
import org.caserouting.tracking.NotificationKind;
import org.caserouting.tracking.NotificationRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The intake process as clerks and chiefs meet it, on the real engine and database. */
@CaseRouterTest
class CaseIntakeProcessTest {

  private static final String REVIEW = SingleAgencyReviewProcess.Elements.REVIEW;
  private static final String SIGN_OFF = SingleAgencyReviewProcess.Elements.SIGN_OFF;

  @Autowired ProcessEngine engine;
  @Autowired IntakeService intake;
  @Autowired ApplicationRepository applications;
  @Autowired NotificationRepository notifications;

  @BeforeEach
  void useEngine() {
    init(engine);
  }

  private ProcessInstance submitLowIncome() {
    SubmitApplicationRequest request =
        new SubmitApplicationRequest(
            "SW-LOW-INCOME",
            new Applicant(Submission.WANG, "王小明", "wang@example.tw", null),
            List.of(new Document(DocumentClass.UPLOADABLE, "存摺封面影本")),
            null,
            SubmittedVia.ONLINE,
            true,
            null);
    String processInstanceId = intake.submit(request, null).application().processInstanceId();
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
  }

  private Application application(ProcessInstance intakeInstance) {
    return applications.findByApplicationNo(intakeInstance.getBusinessKey()).orElseThrow();
  }

  @Test
  void decisionTablesRunInsideTheCaseAndTheReceivingAgencyGetsIt() {
    ProcessInstance intakeInstance = submitLowIncome();

    assertThat(intakeInstance)
        .hasPassed(Elements.DECIDE_ONLINE_ELIGIBILITY, Elements.DECIDE_ROUTE, Elements.RECORD_HANDLING)
        .isWaitingAt(Elements.HANDLE_BY_RECEIVING_AGENCY)
        .variables()
        .containsEntry(IntakeProcess.Variables.CHANNEL, "ONLINE_WITH_FIELD_STEP")
        .containsEntry(IntakeProcess.Variables.ROUTE, "VERTICAL");
    ProcessInstance review = calledProcessInstance(intakeInstance);
    assertThat(review).hasBusinessKey(intakeInstance.getBusinessKey()).isWaitingAt(REVIEW);
    assertThat(task(review)).hasCandidateGroup("do-daan-clerk").isNotAssigned().hasDueDate(
        engine.getTaskService().createTaskQuery().processInstanceId(review.getId()).singleResult().getDueDate());
  }

  @Test
  void clerksProposalSignedByTheChiefIsTheDecision() {
    ProcessInstance intakeInstance = submitLowIncome();
    ProcessInstance review = calledProcessInstance(intakeInstance);

    complete(task(review), withVariables("outcome", "APPROVE", "opinion", "經訪視符合低收入戶資格"));
    assertThat(task(review)).hasDefinitionKey(SIGN_OFF).hasCandidateGroup("do-daan-chief");
    assertThat(review)
        .variables()
        .doesNotContainKeys("outcome", "opinion")
        .containsEntry("reviewByReceivingAgencyOutcome", "APPROVE");
    complete(task(review), withVariables("outcome", "APPROVE"));

    assertThat(intakeInstance)
        .isEnded()
        .hasPassed(Elements.RECORD_DECISION, Elements.NOTIFY_APPLICANT, Elements.DECIDED);
    Application application = application(intakeInstance);
    Assertions.assertThat(application.getStatus()).isEqualTo(ApplicationStatus.DECIDED);
    Assertions.assertThat(application.getDecision()).isEqualTo(Decision.APPROVED);
    Assertions.assertThat(application.getDecisionReason()).isEqualTo("經訪視符合低收入戶資格");
    Assertions.assertThat(notifications.findByApplicationNoOrderByCreatedAt(intakeInstance.getBusinessKey()))
        .extracting(n -> n.getKind())
        .containsExactly(NotificationKind.SUBMISSION_RECEIPT, NotificationKind.DECISION);
  }

  @Test
  void chiefReturnsTheCaseToTheClerkWithInstructions() {
    ProcessInstance review = calledProcessInstance(submitLowIncome());
    complete(task(review), withVariables("outcome", "APPROVE", "opinion", "符合資格"));

    complete(task(review), withVariables("outcome", "RETURN", "opinion", "請補充訪視紀錄"));

    assertThat(review).isWaitingAt(REVIEW).variables().containsEntry("signOffByChiefOpinion", "請補充訪視紀錄");
    assertThat(task(review)).hasCandidateGroup("do-daan-clerk");
  }

  @Test
  void chiefWhoRejectsOverrulesTheProposalWithReasons() {
    ProcessInstance intakeInstance = submitLowIncome();
    ProcessInstance review = calledProcessInstance(intakeInstance);
    complete(task(review), withVariables("outcome", "APPROVE", "opinion", "符合資格"));

    complete(task(review), withVariables("outcome", "REJECT", "opinion", "家庭總收入超過最低生活費"));

    assertThat(intakeInstance).isEnded();
    Application application = application(intakeInstance);
    Assertions.assertThat(application.getDecision()).isEqualTo(Decision.REJECTED);
    Assertions.assertThat(application.getDecisionReason()).isEqualTo("家庭總收入超過最低生活費");
  }

  @Test
  void anOutcomeTheTaskDoesNotOfferIsRefusedAndTheTaskStaysOpen() {
    ProcessInstance review = calledProcessInstance(submitLowIncome());
    Task clerkTask = task(review);

    assertThatThrownBy(
            () -> engine.getTaskService().complete(clerkTask.getId(), Map.of("outcome", "RETURN", "opinion", "缺件")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("needs an outcome, one of APPROVE, REJECT");
    assertThatThrownBy(() -> engine.getTaskService().complete(clerkTask.getId()))
        .hasMessageContaining("it was missing");

    assertThat(review).isWaitingAt(REVIEW);
  }

  @Test
  void rejectingWithoutReasonsIsRefused() {
    ProcessInstance review = calledProcessInstance(submitLowIncome());
    Task clerkTask = task(review);

    assertThatThrownBy(
            () -> engine.getTaskService().complete(clerkTask.getId(), Map.of("outcome", "REJECT", "opinion", "  ")))
        .hasMessageContaining("needs an opinion giving the reasons");

    assertThat(review).isWaitingAt(REVIEW);
  }
}
