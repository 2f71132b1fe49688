package org.caserouting.signoff;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.caserouting.platform.AgencyGroups;
import org.caserouting.platform.engine.task.ActingUser;
import org.caserouting.platform.engine.task.TaskOutcome;
import org.caserouting.signoff.SignOffProcess.Variables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sign-off's service tasks and task listener: thin adapters onto {@link SignOffs}. */
@Configuration(proxyBeanMethods = false)
class SignOffAdapters {

  private final SignOffs signOffs;

  SignOffAdapters(SignOffs signOffs) {
    this.signOffs = signOffs;
  }

  /** Gives the delegation-of-authority table its inputs and the signers the case's earlier signatures. */
  @Bean
  JavaDelegate prepareSignOff() {
    return execution -> {
      SignOffs.Authority authority =
          signOffs.authority(execution.getProcessBusinessKey(), Variables.SIGNING_AGENCY.required(execution));
      Variables.AGENCY_LEVEL.on(execution, authority.agencyLevel());
      Variables.CATEGORY.on(execution, authority.category());
      Variables.SIGNING_AGENCY_NAME.on(execution, authority.agencyName());
      Variables.EARLIER_SIGN_OFFS.on(execution, signOffs.earlierSignOffs(execution.getProcessBusinessKey()));
    };
  }

  /**
   * Guards and records a signature, whichever door it comes through: the drafter may not take the
   * task; the signature is the signed-in person's, in the name of the group the task was offered to.
   */
  @Bean
  TaskListener signOffRecorder() {
    return task -> {
      String draftedBy = Variables.DRAFTED_BY.from(task);
      if (TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
        signOffs.mayTake(task.getAssignee(), draftedBy);
        return;
      }
      signOffs.sign(
          task.getExecution().getProcessBusinessKey(),
          Variables.SIGNING_LEVEL.required(task),
          AgencyGroups.offeredTo(task),
          ActingUser.of(task).orElse(null),
          draftedBy,
          SignedDraft.decision(DecisionKind.valueOf(Variables.DECISION_KIND.required(task)),
              Variables.DRAFT_OPINION.from(task), Variables.DRAFT_CONDITIONS.from(task)),
          TaskOutcome.OUTCOME.from(task),
          TaskOutcome.OPINION.from(task));
    };
  }

  /** The sign-off's result for the caller: signed by everyone, or returned with the reason. */
  @Bean
  JavaDelegate concludeSignOff() {
    return execution -> {
      SignOffs.Result result =
          SignOffs.conclude(
              TaskOutcome.RETURN.is(Variables.SIGN_OUTCOME.from(execution)), Variables.SIGN_OPINION.from(execution));
      Variables.RESULT.on(execution, result.result());
      Variables.RETURN_OPINION.on(execution, result.returnOpinion());
    };
  }
}
