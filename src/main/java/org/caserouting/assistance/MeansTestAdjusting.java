package org.caserouting.assistance;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.caserouting.cases.Application;
import org.caserouting.cases.ApplicationRepository;
import org.caserouting.platform.AgencyGroups;
import org.caserouting.platform.ApiProblem;
import org.caserouting.platform.InvalidField;
import org.caserouting.platform.InvalidRequest;
import org.caserouting.platform.Variable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A clerk adjusts the case's means test: only the receiving agency's clerk who holds one of the
 * case's open tasks (the first review), so that what the clerk settles goes to the sign-off with
 * the draft, and nobody changes it after.
 */
@Service
public class MeansTestAdjusting {

  /** The one line the first review's form shows (no names): the proposal, any adjustment, the averages. */
  public static final Variable<String> PROPOSAL = Variable.text("meansTestProposal");

  private final CaseMeansTest meansTest;
  private final Adjustments adjustments;
  private final ApplicationRepository applications;
  private final TaskService tasks;
  private final RuntimeService runtime;

  MeansTestAdjusting(CaseMeansTest meansTest, Adjustments adjustments, ApplicationRepository applications,
      TaskService tasks, RuntimeService runtime) {
    this.meansTest = meansTest;
    this.adjustments = adjustments;
    this.applications = applications;
    this.tasks = tasks;
    this.runtime = runtime;
  }

  /** The form's line for a case with a means test, as it stands. */
  public Optional<String> proposal(String applicationNo) {
    return meansTest.view(applicationNo).map(CaseMeansTest::summary);
  }

  /** Records the adjustment of the clerk holding the case, and shows the form the result. */
  @Transactional
  public CaseMeansTest.View adjust(String applicationNo, AdjustmentRequest request, String clerk) {
    List<InvalidField> problems = request.problems();
    if (!problems.isEmpty()) {
      throw new InvalidRequest("調整有誤 The adjustment has invalid fields.", problems);
    }
    Application application = applications.require(applicationNo);
    CaseMeansTest.View before = meansTest.view(applicationNo).orElseThrow(() -> new NoMeansTest(applicationNo));
    List<Task> held = held(application, clerk);
    if (held.isEmpty()) {
      throw new NotHoldingTheCase(clerk, applicationNo);
    }
    CaseMeansTest.PersonLine person = before.people().stream().filter(p -> p.ref().equals(request.member()))
        .findFirst().orElseThrow(() -> new NotOfTheHousehold(request.member()));
    boolean applicant = person.ref().equals(application.getApplicantNationalId());
    if (request.kind() == Adjustment.Kind.LEAVE_OUT && (applicant || !person.counted())) {
      throw new NotCounted(person.initials(), applicant);
    }
    adjustments.add(applicationNo, request.member(), request.kind(),
        request.kind() == Adjustment.Kind.LEAVE_OUT ? request.ground() : null,
        request.kind() == Adjustment.Kind.SET_FIGURE ? request.figure() : null,
        request.kind() == Adjustment.Kind.SET_FIGURE ? request.amount() : null, request.reason(), clerk);
    CaseMeansTest.View after = meansTest.view(applicationNo).orElseThrow();
    for (Task task : held) {
      runtime.setVariable(task.getProcessInstanceId(), PROPOSAL.name(), CaseMeansTest.summary(after));
    }
    return after;
  }

  /** Whether this person may adjust the case's means test now: they hold one of its tasks for the receiving agency's clerks. */
  public boolean mayAdjust(String applicationNo, String user) {
    return user != null && !held(applications.require(applicationNo), user).isEmpty();
  }

  private List<Task> held(Application application, String clerk) {
    String clerks = AgencyGroups.groupId(application.getReceivingAgency(), AgencyGroups.Role.CLERK);
    return tasks.createTaskQuery().processInstanceBusinessKey(application.getApplicationNo()).taskAssignee(clerk)
        .taskCandidateGroup(clerks).includeAssignedTasks().list();
  }

  static final class NotOfTheHousehold extends ApiProblem {
    NotOfTheHousehold(String member) {
      super(HttpStatus.UNPROCESSABLE_ENTITY, "not-of-the-household", "Not a person of the case's household",
          "此人非本案戶籍資料所載之人 " + member + " is not a person the household registration named for this case.",
          Map.of("member", member));
    }
  }

  /** Leaving out someone the law does not count, or the applicant, would change nothing but the record. */
  static final class NotCounted extends ApiProblem {
    NotCounted(String initials, boolean applicant) {
      super(HttpStatus.UNPROCESSABLE_ENTITY, "cannot-leave-out", "Not a person that can be left out",
          applicant
              ? "申請人本人必須列計 The applicant is always counted (社會救助法第5條第1項 §5(1))."
              : initials + " 未列入應計算人口 " + initials + " is not counted (by law, or left out already).",
          Map.of());
    }
  }

  static final class NotHoldingTheCase extends ApiProblem {
    NotHoldingTheCase(String user, String applicationNo) {
      super(HttpStatus.FORBIDDEN, "not-holding-the-case", "Only the clerk working the case adjusts its means test",
          "社會救助審查之調整，限受理機關承辦本案之承辦人於審查中為之 Only the receiving agency's clerk who holds the"
              + " case's review adjusts its means test; " + user + " holds no task of " + applicationNo + ".",
          Map.of());
    }
  }
}
