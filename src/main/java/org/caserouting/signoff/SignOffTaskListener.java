package org.caserouting.signoff;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.caserouting.platform.AgencyGroups;
import org.caserouting.platform.engine.task.ActingUser;
import org.caserouting.platform.engine.task.TaskOutcome;
import org.caserouting.signoff.SignOffProcess.Variables;
import org.springframework.stereotype.Component;

/**
 * Guards and records a signature. Nobody may claim or sign a draft they wrote, whichever door
 * they come through; a signature needs a known person; each one is appended to the chain.
 */
@Component("signOffRecorder")
class SignOffTaskListener implements TaskListener {

  private final SignOffChain chain;

  SignOffTaskListener(SignOffChain chain) {
    this.chain = chain;
  }

  @Override
  public void notify(DelegateTask task) {
    String draftedBy = (String) task.getVariable(Variables.DRAFTED_BY);
    if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
      refuseDrafter(task.getAssignee(), draftedBy);
      return;
    }
    String signer =
        ActingUser.of(task)
            .orElseThrow(() -> new BadUserRequestException("A sign-off must be made by a signed-in person; claim the task first."));
    refuseDrafter(signer, draftedBy);
    // Whose signature this is comes from the group the task was offered to, not from variables.
    AgencyGroups.AgencyRole signing = AgencyGroups.offeredTo(task);
    chain.append(
        task.getExecution().getProcessBusinessKey(),
        ((Number) task.getVariable(Variables.SIGNING_LEVEL)).intValue(),
        signing.agencyCode(),
        signing.role().name(),
        signer,
        DecisionKind.valueOf((String) task.getVariable(Variables.DECISION_KIND)),
        (String) task.getVariable(TaskOutcome.OUTCOME),
        (String) task.getVariable(TaskOutcome.OPINION));
  }

  private static void refuseDrafter(String user, String draftedBy) {
    if (user != null && user.equals(draftedBy)) {
      throw new BadUserRequestException(
          "You drafted this decision, so you cannot sign it off; another person of the signing role must.");
    }
  }
}
