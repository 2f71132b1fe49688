package org.caserouting.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.caserouting.intake.Decision;
import org.caserouting.intake.IntakeProcess.Variables;
import org.caserouting.platform.task.TaskOutcome;
import org.caserouting.review.SingleAgencyReviewProcess.Elements;
import org.springframework.stereotype.Component;

/**
 * Turns the clerk's proposal and the chief's sign-off into the decision. A signed proposal
 * stands with the clerk's reasons; a chief who rejects overrules it with the chief's reasons.
 */
@Component("concludeSingleAgencyReview")
class ConcludeSingleAgencyReviewDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    String proposal = (String) execution.getVariable(TaskOutcome.outcomeOf(Elements.REVIEW));
    String signOff = (String) execution.getVariable(TaskOutcome.outcomeOf(Elements.SIGN_OFF));
    boolean overruled = TaskOutcome.REJECT.name().equals(signOff);
    boolean approved = !overruled && TaskOutcome.APPROVE.name().equals(proposal);
    String reason =
        (String) execution.getVariable(TaskOutcome.opinionOf(overruled ? Elements.SIGN_OFF : Elements.REVIEW));
    execution.setVariable(Variables.DECISION, (approved ? Decision.APPROVED : Decision.REJECTED).name());
    execution.setVariable(Variables.DECISION_REASON, reason);
  }
}
