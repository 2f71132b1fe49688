package org.caserouting.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.caserouting.platform.engine.task.TaskOutcome.APPROVE;
import static org.caserouting.platform.engine.task.TaskOutcome.OUTCOME;
import static org.caserouting.platform.engine.task.TaskOutcome.REJECT;
import static org.caserouting.platform.engine.task.TaskOutcome.RETURN;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.caserouting.cases.Application;
import org.caserouting.cases.ApplicationRepository;
import org.caserouting.cases.ApplicationStatus;
import org.caserouting.cases.CaseEvent;
import org.caserouting.cases.CaseEventKind;
import org.caserouting.cases.CaseEventRepository;
import org.caserouting.cases.Decision;
import org.caserouting.cases.SubmitApplicationRequest;
import org.caserouting.cases.SubmitApplicationRequest.Applicant;
import org.caserouting.cases.SubmitApplicationRequest.Document;
import org.caserouting.cases.SubmitApplicationRequest.SubmittedVia;
import org.caserouting.cases.SubmittedDocument;
import org.caserouting.catalog.District;
import org.caserouting.catalog.DocumentClass;
import org.caserouting.deadlines.DeadlineWatch;
import org.caserouting.intake.IntakeService;
import org.caserouting.mail.NotificationKind;
import org.caserouting.mail.NotificationRepository;
import org.caserouting.platform.Refusal;
import org.caserouting.platform.TaskPriorities;
import org.caserouting.platform.Variable;
import org.caserouting.platform.engine.task.TaskOutcome;
import org.caserouting.review.VerticalEscalatedApprovalProcess.Elements;
import org.caserouting.signoff.SignOff;
import org.caserouting.signoff.SignOffChain;
import org.caserouting.supplementation.Supplementation;
import org.caserouting.supplementation.SupplementationProcess;
import org.caserouting.support.CaseWork;
import org.caserouting.support.CatalogExamples;
import org.caserouting.support.ProcessScenarioTest;
import org.caserouting.support.Submission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The vertical escalated approval (層轉核示) as the people of each agency meet it: every path of
 * the model, on the real engine and database, with each task claimed by the demo user whose group
 * it is offered to.
 */
@ProcessScenarioTest
class VerticalEscalatedApprovalTest {

  @Autowired DeadlineWatch deadlines;
  @Autowired ProcessEngine engine;
  @Autowired IntakeService intake;
  @Autowired Supplementation supplementation;
  @Autowired ApplicationRepository applications;
  @Autowired SignOffChain signOffs;
  @Autowired CaseEventRepository events;
  @Autowired NotificationRepository notifications;

  @BeforeEach
  void useEngine() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private String submit(String caseTypeCode) {
    SubmitApplicationRequest request =
        new SubmitApplicationRequest(
            caseTypeCode,
            new Applicant(Submission.WANG, "王小明", "wang@example.tw", null, District.DAAN),
            List.of(new Document(DocumentClass.UPLOADABLE, "存摺封面影本")),
            null,
            SubmittedVia.ONLINE,
            true,
            null,
            CatalogExamples.applicationData(caseTypeCode),
            null);
    return intake.submit(request, null).answer().applicationNo();
  }

  private Task taskFor(String applicationNo, String user) {
    return new CaseWork(engine, applicationNo).taskFor(user);
  }

  private void work(String applicationNo, String user, TaskOutcome outcome, String opinion) {
    new CaseWork(engine, applicationNo).work(user, outcome, opinion);
  }

  private Application application(String applicationNo) {
    return applications.findByApplicationNo(applicationNo).orElseThrow();
  }

  private List<CaseEventKind> eventsOf(String applicationNo) {
    return events.findByApplicationNoOrderByOccurredAtAscIdAsc(applicationNo).stream().map(CaseEvent::getKind).toList();
  }

  private boolean intakeEnded(String applicationNo) {
    return new CaseWork(engine, applicationNo).ended();
  }

  private Job timer(String applicationNo, String activityId) {
    return new CaseWork(engine, applicationNo).timer(activityId);
  }

  @Test
  void lowIncomeStatusIsApprovedByTheSocialWelfareDepartment() {
    String no = submit("SW-LOW-INCOME");

    work(no, "do-daan-clerk", APPROVE, "經訪視家庭總收入低於最低生活費");
    work(no, "do-daan-chief", APPROVE, "如擬，陳轉社會局");
    work(no, "social-clerk", APPROVE, "核列低收入戶第二類");
    work(no, "social-chief", APPROVE, null);

    assertThat(intakeEnded(no)).isTrue();
    assertThat(application(no).getDecision()).isEqualTo(Decision.APPROVED);
    assertThat(application(no).getDecisionReason()).isEqualTo("核列低收入戶第二類");
    SignOffChain.Verified chain = signOffs.verify(no);
    assertThat(chain.intact()).isTrue();
    assertThat(chain.signOffs())
        .extracting(SignOff::getAgency, SignOff::getRole, SignOff::getUserId, s -> s.getDecisionKind().name())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("DO-DAAN", "CHIEF", "do-daan-chief", "FORWARD"),
            org.assertj.core.groups.Tuple.tuple("SOCIAL", "CHIEF", "social-chief", "APPROVE"));
    assertThat(eventsOf(no)).containsExactly(CaseEventKind.FORWARDED, CaseEventKind.DECIDED);
  }

  @Test
  void applicantSuppliesWhatIsMissingAndTheClockPausedMeanwhile() {
    String no = submit("SW-LOW-INCOME");
    var dueBefore = application(no).getDueDate();

    work(no, "do-daan-clerk", RETURN, "請補附最近三個月薪資證明");
    assertThat(application(no).getStatus()).isEqualTo(ApplicationStatus.SUPPLEMENT_REQUESTED);
    assertThat(notifications.findByApplicationNoOrderByCreatedAtAscIdAsc(no))
        .extracting(n -> n.getKind())
        .contains(NotificationKind.SUPPLEMENT_REQUEST);
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(7))));
    supplementation.receive(no, List.of(new SubmittedDocument(DocumentClass.UPLOADABLE, "薪資證明")));

    assertThat(application(no).getStatus()).isEqualTo(ApplicationStatus.IN_REVIEW);
    assertThat(application(no).getDueDate()).isAfter(dueBefore.plusDays(6));
    work(no, "do-daan-clerk", APPROVE, null);
    assertThat(taskFor(no, "do-daan-clerk").getTaskDefinitionKey()).isEqualTo(Elements.FIRST_REVIEW);
    assertThat(eventsOf(no)).containsExactly(CaseEventKind.SUPPLEMENT_REQUESTED, CaseEventKind.SUPPLEMENT_RECEIVED);
  }

  @Test
  void anIncompleteSupplementIsAskedForAgain() {
    String no = submit("SW-LOW-INCOME");
    work(no, "do-daan-clerk", RETURN, "請補附薪資證明");
    supplementation.receive(no, List.of(new SubmittedDocument(DocumentClass.UPLOADABLE, "存摺影本")));

    work(no, "do-daan-clerk", RETURN, "仍缺薪資證明");

    assertThat(application(no).getStatus()).isEqualTo(ApplicationStatus.SUPPLEMENT_REQUESTED);
    assertThat(supplementation.of(no)).extracting(r -> r.getMissing()).containsExactly("請補附薪資證明", "仍缺薪資證明");
  }

  @Test
  void caseIsClosedWhenTheSupplementDeadlinePasses() {
    String no = submit("SW-LOW-INCOME");
    work(no, "do-daan-clerk", RETURN, "請補附薪資證明");
    Job deadline = timer(no, SupplementationProcess.Elements.DEADLINE_PASSED);

    ClockUtil.setCurrentTime(Date.from(deadline.getDuedate().toInstant().plusSeconds(1)));
    engine.getManagementService().executeJob(deadline.getId());

    assertThat(intakeEnded(no)).isTrue();
    assertThat(application(no).getStatus()).isEqualTo(ApplicationStatus.WITHDRAWN_NO_SUPPLEMENT);
    assertThat(notifications.findByApplicationNoOrderByCreatedAtAscIdAsc(no))
        .extracting(n -> n.getKind())
        .containsExactly(NotificationKind.SUBMISSION_RECEIPT, NotificationKind.SUPPLEMENT_REQUEST,
            NotificationKind.SUPPLEMENT_REMINDER, NotificationKind.WITHDRAWN);
    assertThatThrownBy(() -> supplementation.receive(no, List.of(new SubmittedDocument(DocumentClass.UPLOADABLE, "遲到的證明"))))
        .hasMessageContaining("not waiting");
  }

  @Test
  void districtOfficeRejectsWithItsDirectorsSignature() {
    String no = submit("SW-LOW-INCOME");

    work(no, "do-daan-clerk", REJECT, "申請人不具本市設籍資格");
    work(no, "do-daan-chief", APPROVE, null);
    work(no, "do-daan-director", APPROVE, "如擬");

    assertThat(intakeEnded(no)).isTrue();
    assertThat(application(no).getDecision()).isEqualTo(Decision.REJECTED);
    assertThat(application(no).getDecisionReason()).isEqualTo("申請人不具本市設籍資格");
    assertThat(signOffs.of(no)).extracting(SignOff::getRole).containsExactly("CHIEF", "DIRECTOR");
  }

  @Test
  void socialWelfareDepartmentRejectsAfterTheDistrictForwarded() {
    String no = submit("SW-LOW-INCOME");
    work(no, "do-daan-clerk", APPROVE, "擬陳轉");
    work(no, "do-daan-chief", APPROVE, null);

    work(no, "social-clerk", REJECT, "動產超過標準");
    work(no, "social-chief", APPROVE, null);
    work(no, "social-director", APPROVE, null);

    assertThat(application(no).getDecision()).isEqualTo(Decision.REJECTED);
    assertThat(application(no).getDecisionReason()).isEqualTo("動產超過標準");
  }

  @Test
  void upperAgencyReturnsTheCaseToTheDistrictOffice() {
    String no = submit("SW-LOW-INCOME");
    work(no, "do-daan-clerk", APPROVE, "擬陳轉");
    work(no, "do-daan-chief", APPROVE, null);

    work(no, "social-clerk", RETURN, "請補充家庭訪視紀錄");

    Task back = taskFor(no, "do-daan-clerk");
    assertThat(back.getTaskDefinitionKey()).isEqualTo(Elements.FIRST_REVIEW);
    assertThat(engine.getTaskService().getVariable(back.getId(), VerticalEscalatedApprovalProcess.Variables.UPPER_RETURN_OPINION.name())).isEqualTo("請補充家庭訪視紀錄");
    work(no, "do-daan-clerk", APPROVE, "已補充訪視紀錄");
    work(no, "do-daan-chief", APPROVE, null);
    work(no, "social-clerk", APPROVE, "核列");
    work(no, "social-chief", APPROVE, null);
    assertThat(application(no).getDecision()).isEqualTo(Decision.APPROVED);
    assertThat(eventsOf(no)).contains(CaseEventKind.RETURNED_TO_LOWER_AGENCY);
  }

  @Test
  void threeLevelChainGoesUpToTheMinistryAndBackOneLevel() {
    String no = submit("SW-ELDERLY-LIVING-ALLOWANCE");
    work(no, "do-daan-clerk", APPROVE, "擬陳轉");
    work(no, "do-daan-chief", APPROVE, null);
    work(no, "social-clerk", APPROVE, "擬陳轉衛福部");
    work(no, "social-chief", APPROVE, null);
    work(no, "social-director", APPROVE, null);

    work(no, "mohw-clerk", RETURN, "請社會局說明財產計算方式");
    assertThat(taskFor(no, "social-clerk").getTaskDefinitionKey()).isEqualTo(Elements.UPPER_REVIEW);
    work(no, "social-clerk", APPROVE, "已說明");
    work(no, "social-chief", APPROVE, null);
    work(no, "social-director", APPROVE, null);
    work(no, "mohw-clerk", APPROVE, "核定發給");
    work(no, "mohw-chief", APPROVE, null);
    work(no, "mohw-director", APPROVE, null);

    assertThat(application(no).getDecision()).isEqualTo(Decision.APPROVED);
    assertThat(signOffs.verify(no).intact()).isTrue();
    assertThat(signOffs.of(no)).extracting(SignOff::getLevel).containsExactly(0, 1, 1, 1, 1, 2, 2);
  }

  @Test
  void signerReturnsTheDraftToItsClerkAtEitherLevel() {
    String no = submit("SW-LOW-INCOME");
    work(no, "do-daan-clerk", APPROVE, "擬陳轉");

    work(no, "do-daan-chief", RETURN, "請補充訪視日期");
    Task clerk = taskFor(no, "do-daan-clerk");
    assertThat(engine.getTaskService().getVariable(clerk.getId(), VerticalEscalatedApprovalProcess.Variables.SIGN_OFF_RETURN_OPINION.name())).isEqualTo("請補充訪視日期");
    work(no, "do-daan-clerk", APPROVE, "已補充訪視日期");
    work(no, "do-daan-chief", APPROVE, null);
    work(no, "social-clerk", APPROVE, "核列");
    work(no, "social-chief", RETURN, "請註明類別");

    assertThat(taskFor(no, "social-clerk").getTaskDefinitionKey()).isEqualTo(Elements.UPPER_REVIEW);
    assertThat(signOffs.of(no)).extracting(SignOff::getOutcome).containsExactly("RETURN", "APPROVE", "RETURN");
  }

  @Test
  void overdueReviewRemindsThenGivesTheSectionChiefAFollowUp() {
    String no = submit("SW-LOW-INCOME");
    Task review = taskFor(no, "do-daan-clerk");
    Job overdue = timer(no, Elements.FIRST_REVIEW_OVERDUE);
    assertThat(review.getFollowUpDate()).as("reminded at 80%% of its time").isAfter(review.getCreateTime())
        .isBefore(review.getDueDate());

    ClockUtil.setCurrentTime(Date.from(review.getFollowUpDate().toInstant().plusSeconds(1)));
    deadlines.remindDueSoon();
    assertThat(taskFor(no, "do-daan-clerk").getPriority()).isEqualTo(TaskPriorities.REMINDED);
    ClockUtil.setCurrentTime(Date.from(overdue.getDuedate().toInstant().plusSeconds(1)));
    engine.getManagementService().executeJob(overdue.getId());
    deadlines.escalateOverdue();
    deadlines.remindDueSoon();

    Task followUp = taskFor(no, "do-daan-chief");
    assertThat(followUp.getTaskDefinitionKey()).isEqualTo(Elements.FOLLOW_UP_OVERDUE);
    assertThat(taskFor(no, "do-daan-clerk").getTaskDefinitionKey()).isEqualTo(Elements.FIRST_REVIEW);
    assertThat(taskFor(no, "do-daan-clerk").getPriority()).isEqualTo(TaskPriorities.OVERDUE);
    work(no, "do-daan-chief", APPROVE, "已指派代理人於今日辦結");
    assertThat(eventsOf(no)).containsExactly(CaseEventKind.REMINDER, CaseEventKind.OVERDUE_ESCALATED);
  }

  @Test
  void overdueUpperReviewGoesToThatAgencysChief() {
    String no = submit("SW-LOW-INCOME");
    work(no, "do-daan-clerk", APPROVE, "擬陳轉");
    work(no, "do-daan-chief", APPROVE, null);
    Job overdue = timer(no, Elements.UPPER_REVIEW_OVERDUE);

    ClockUtil.setCurrentTime(Date.from(overdue.getDuedate().toInstant().plusSeconds(1)));
    engine.getManagementService().executeJob(overdue.getId());
    deadlines.escalateOverdue();

    assertThat(taskFor(no, "social-chief").getTaskDefinitionKey()).isEqualTo(Elements.FOLLOW_UP_OVERDUE);
    assertThat(events.findByApplicationNoOrderByOccurredAtAscIdAsc(no))
        .filteredOn(e -> e.getKind() == CaseEventKind.OVERDUE_ESCALATED)
        .extracting(CaseEvent::getAgency)
        .containsExactly("SOCIAL");
  }

  @Test
  void nobodySignsOffWhatTheyDrafted() {
    User acting = engine.getIdentityService().newUser("do-daan-acting-chief");
    if (engine.getIdentityService().createUserQuery().userId(acting.getId()).count() == 0) {
      acting.setPassword("demo");
      engine.getIdentityService().saveUser(acting);
      engine.getIdentityService().createMembership(acting.getId(), "do-daan-clerk");
      engine.getIdentityService().createMembership(acting.getId(), "do-daan-chief");
    }
    String no = submit("SW-LOW-INCOME");
    work(no, "do-daan-acting-chief", APPROVE, "擬陳轉");
    Task signOff = taskFor(no, "do-daan-acting-chief");

    assertThatThrownBy(() -> engine.getTaskService().claim(signOff.getId(), "do-daan-acting-chief"))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("You drafted this decision");
    engine.getIdentityService().setAuthentication("do-daan-acting-chief", List.of("do-daan-clerk", "do-daan-chief"));
    try {
      assertThatThrownBy(() -> engine.getTaskService().complete(signOff.getId(), Variable.values(OUTCOME.of(APPROVE.name()))))
          .hasMessageContaining("You drafted this decision");
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThatThrownBy(() -> engine.getTaskService().complete(signOff.getId(), Variable.values(OUTCOME.of(APPROVE.name()))))
        .isInstanceOf(FormFieldValidationException.class)
        .hasRootCauseInstanceOf(Refusal.class)
        .hasMessageContaining("signed-in person");

    assertThat(signOffs.of(no)).isEmpty();
    work(no, "do-daan-chief", APPROVE, null);
    assertThat(signOffs.of(no)).extracting(SignOff::getUserId).containsExactly("do-daan-chief");
  }
}
