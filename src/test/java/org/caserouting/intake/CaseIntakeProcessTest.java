package org.caserouting.intake;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.claim;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.caserouting.platform.engine.task.TaskOutcome.AGREE;
import static org.caserouting.platform.engine.task.TaskOutcome.APPROVE;
import static org.caserouting.platform.engine.task.TaskOutcome.OBJECT;
import static org.caserouting.platform.engine.task.TaskOutcome.OPINION;
import static org.caserouting.platform.engine.task.TaskOutcome.OUTCOME;
import static org.caserouting.platform.engine.task.TaskOutcome.REJECT;
import static org.caserouting.platform.engine.task.TaskOutcome.RETURN;
import static org.caserouting.review.JointReviewProcess.Variables.LEGAL_BASIS;

import java.util.List;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.caserouting.cases.Application;
import org.caserouting.cases.ApplicationRepository;
import org.caserouting.cases.ApplicationStatus;
import org.caserouting.cases.CaseVariables;
import org.caserouting.cases.Decision;
import org.caserouting.cases.SubmitApplicationRequest;
import org.caserouting.cases.SubmitApplicationRequest.Applicant;
import org.caserouting.cases.SubmitApplicationRequest.SubmittedVia;
import org.caserouting.catalog.District;
import org.caserouting.intake.IntakeProcess.Elements;
import org.caserouting.mail.NotificationKind;
import org.caserouting.mail.NotificationRepository;
import org.caserouting.platform.Variable;
import org.caserouting.platform.engine.task.TaskOutcome;
import org.caserouting.review.SingleAgencyReviewProcess;
import org.caserouting.signoff.SignOffProcess;
import org.caserouting.support.CaseRouterTest;
import org.caserouting.support.CaseWork;
import org.caserouting.support.CatalogExamples;
import org.caserouting.support.Submission;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The intake and its routes as clerks and chiefs meet them, on the real engine and database. */
@CaseRouterTest
class CaseIntakeProcessTest {

  private static final String REVIEW = SingleAgencyReviewProcess.Elements.REVIEW;

  @Autowired ProcessEngine engine;
  @Autowired IntakeService intake;
  @Autowired ApplicationRepository applications;
  @Autowired NotificationRepository notifications;

  @BeforeEach
  void useEngine() {
    init(engine);
  }

  /** An English household transcript: the Da'an household registration office decides alone. */
  private ProcessInstance submitTranscript() {
    SubmitApplicationRequest request =
        new SubmitApplicationRequest(
            "CA-HOUSEHOLD-TRANSCRIPT-EN",
            new Applicant(Submission.WANG, "王小明", "wang@example.tw", null, District.DAAN),
            List.of(),
            null,
            SubmittedVia.ONLINE,
            true,
            null,
            CatalogExamples.applicationData("CA-HOUSEHOLD-TRANSCRIPT-EN"),
            null);
    var submitted = intake.submit(request, null).answer();
    new CaseWork(engine, submitted.applicationNo()); // runs its start, which the engine runs after the answer
    String processInstanceId = submitted.processInstanceId();
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
  }

  private Application application(ProcessInstance intakeInstance) {
    return applications.findByApplicationNo(intakeInstance.getBusinessKey()).orElseThrow();
  }

  private static void workAs(String user, ProcessInstance instance, TaskOutcome outcome, String... opinion) {
    Task task = task(instance);
    claim(task, user);
    complete(task, withVariables(OUTCOME.name(), outcome.name(), OPINION.name(), opinion.length == 0 ? null : opinion[0]));
  }

  @Test
  void decisionTablesRunInsideTheCaseAndTheReceivingAgencyGetsIt() {
    ProcessInstance intakeInstance = submitTranscript();

    assertThat(intakeInstance)
        .hasPassed(Elements.DECIDE_ONLINE_ELIGIBILITY, Elements.DECIDE_ROUTE, Elements.RECORD_HANDLING)
        .isWaitingAt(Elements.HANDLE_BY_RECEIVING_AGENCY)
        .variables()
        .containsEntry(CaseVariables.CHANNEL.name(), "FULLY_ONLINE")
        .containsEntry(CaseVariables.ROUTE.name(), "SINGLE_AGENCY");
    ProcessInstance review = calledProcessInstance(intakeInstance);
    assertThat(review).hasBusinessKey(intakeInstance.getBusinessKey()).isWaitingAt(REVIEW);
    assertThat(task(review)).hasCandidateGroup("hr-daan-clerk").isNotAssigned();
  }

  @Test
  void draftSignedByTheChiefIsTheDecision() {
    ProcessInstance intakeInstance = submitTranscript();
    ProcessInstance review = calledProcessInstance(intakeInstance);

    workAs("hr-daan-clerk", review, APPROVE, "戶籍資料相符，核發英文謄本");
    ProcessInstance signOff = calledProcessInstance(review);
    assertThat(task(signOff)).hasDefinitionKey(SignOffProcess.Elements.SIGN).hasCandidateGroup("hr-daan-chief");
    assertThat(signOff).variables().containsEntry(OUTCOME.name(), null).containsEntry(OPINION.name(), null)
        .containsEntry(SignOffProcess.Variables.SIGNERS.name(), "CHIEF");
    workAs("hr-daan-chief", signOff, APPROVE);

    assertThat(intakeInstance)
        .isEnded()
        .hasPassed(Elements.RECORD_DECISION, Elements.NOTIFY_APPLICANT, Elements.DECIDED);
    Application application = application(intakeInstance);
    Assertions.assertThat(application.getStatus()).isEqualTo(ApplicationStatus.DECIDED);
    Assertions.assertThat(application.getDecision()).isEqualTo(Decision.APPROVED);
    Assertions.assertThat(application.getDecisionReason()).isEqualTo("戶籍資料相符，核發英文謄本");
    Assertions.assertThat(notifications.findByApplicationNoOrderByCreatedAtAscIdAsc(intakeInstance.getBusinessKey()))
        .extracting(n -> n.getKind())
        .containsExactly(NotificationKind.SUBMISSION_RECEIPT, NotificationKind.DECISION);
  }

  @Test
  void aRejectionNeedsTheDirectorToo() {
    ProcessInstance intakeInstance = submitTranscript();
    ProcessInstance review = calledProcessInstance(intakeInstance);

    workAs("hr-daan-clerk", review, REJECT, "申請人非本戶戶內人口");
    ProcessInstance signOff = calledProcessInstance(review);
    workAs("hr-daan-chief", signOff, APPROVE);
    assertThat(task(signOff)).hasCandidateGroup("hr-daan-director");
    workAs("hr-daan-director", signOff, APPROVE, "如擬");

    assertThat(intakeInstance).isEnded();
    Assertions.assertThat(application(intakeInstance).getDecision()).isEqualTo(Decision.REJECTED);
    Assertions.assertThat(application(intakeInstance).getDecisionReason()).isEqualTo("申請人非本戶戶內人口");
  }

  @Test
  void chiefReturnsTheDraftToTheClerkWithInstructions() {
    ProcessInstance review = calledProcessInstance(submitTranscript());
    workAs("hr-daan-clerk", review, APPROVE, "符合資格");

    workAs("hr-daan-chief", calledProcessInstance(review), RETURN, "請核對外文姓名");

    assertThat(review).isWaitingAt(REVIEW).variables().containsEntry(SignOffProcess.Variables.RETURN_OPINION.name(), "請核對外文姓名");
    assertThat(task(review)).hasCandidateGroup("hr-daan-clerk");
  }

  /** A disability certificate: joint review with the health department, then up to social welfare. */
  private CaseWork submitDisabilityCertificateAtCounter() {
    SubmitApplicationRequest request =
        new SubmitApplicationRequest(
            "SW-DISABILITY-CERTIFICATE",
            new Applicant(Submission.LIN, "林美麗", null, null, District.DAAN),
            List.of(),
            null,
            SubmittedVia.COUNTER,
            true,
            null,
            CatalogExamples.applicationData("SW-DISABILITY-CERTIFICATE"),
            null);
    CaseWork work = new CaseWork(engine, intake.submit(request, null).answer().applicationNo());
    return work;
  }

  @Test
  void disabilityCertificateIsReviewedJointlyThenEscalated() {
    CaseWork work = submitDisabilityCertificateAtCounter();

    work.work("do-daan-clerk", APPROVE, null);
    work.work("health-clerk", AGREE, "鑑定結果為中度障礙");
    work.work("do-daan-clerk", APPROVE, "依衛生局鑑定結果擬核發");
    work.work("do-daan-chief", APPROVE, null);
    work.work("do-daan-director", APPROVE, null);
    Assertions.assertThat(work.taskFor("do-daan-clerk").getTaskDefinitionKey())
        .isEqualTo(org.caserouting.review.VerticalEscalatedApprovalProcess.Elements.FIRST_REVIEW);
    work.work("do-daan-clerk", APPROVE, "陳轉社會局");
    work.work("do-daan-chief", APPROVE, null);
    work.work("social-clerk", APPROVE, "核發身心障礙證明");
    work.work("social-chief", APPROVE, null);

    Application application = applications.findByApplicationNo(work.applicationNo()).orElseThrow();
    Assertions.assertThat(application.getRoute().name()).isEqualTo("HORIZONTAL_THEN_VERTICAL");
    Assertions.assertThat(application.getDecision()).isEqualTo(Decision.APPROVED);
    Assertions.assertThat(application.getDecisionReason()).isEqualTo("核發身心障礙證明");
    Assertions.assertThat(work.ended()).isTrue();
  }

  @Test
  void jointReviewRejectionIsNotEscalated() {
    CaseWork work = submitDisabilityCertificateAtCounter();

    work.work("do-daan-clerk", APPROVE, null);
    work.work("health-clerk", OBJECT, "未達障礙等級", LEGAL_BASIS.of("身心障礙者權益保障法第6條"));
    work.work("do-daan-clerk", REJECT, "經鑑定未達障礙等級");
    work.work("do-daan-chief", APPROVE, null);
    work.work("do-daan-director", APPROVE, null);

    Assertions.assertThat(work.ended()).isTrue();
    Assertions.assertThat(applications.findByApplicationNo(work.applicationNo()).orElseThrow().getDecision())
        .isEqualTo(Decision.REJECTED);
  }

  @Test
  void anOutcomeTheTaskDoesNotOfferIsRefusedAndTheTaskStaysOpen() {
    ProcessInstance review = calledProcessInstance(submitTranscript());
    Task clerkTask = task(review);

    assertThatThrownBy(
            () -> engine.getTaskService().complete(clerkTask.getId(), Variable.values(OUTCOME.of(AGREE.name()), OPINION.of("同意"))))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("outcome：須為 must be one of APPROVE, RETURN, REJECT");
    assertThatThrownBy(() -> engine.getTaskService().complete(clerkTask.getId()))
        .hasMessageContaining("outcome：必填 required");

    assertThat(review).isWaitingAt(REVIEW);
  }

  @Test
  void rejectingWithoutReasonsIsRefused() {
    ProcessInstance review = calledProcessInstance(submitTranscript());
    Task clerkTask = task(review);

    assertThatThrownBy(
            () -> engine.getTaskService().complete(clerkTask.getId(), Variable.values(OUTCOME.of(REJECT.name()), OPINION.of("  "))))
        .hasMessageContaining("needs an opinion giving the reasons");

    assertThat(review).isWaitingAt(REVIEW);
  }
}
