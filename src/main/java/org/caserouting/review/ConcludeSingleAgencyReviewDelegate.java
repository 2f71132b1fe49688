package org.caserouting.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.caserouting.intake.Decision;
import org.caserouting.intake.IntakeProcess.Variables;
import org.caserouting.platform.task.TaskOutcome;
import org.caserouting.review.SingleAgencyReviewProcess.Elements;
import org.springframework.stereotype.Component;

/** The signed draft becomes the decision, with the clerk's reasons and conditions. */
@Component("concludeSingleAgencyReview")
class ConcludeSingleAgencyReviewDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    boolean approved =
        TaskOutcome.APPROVE.name().equals(execution.getVariable(TaskOutcome.outcomeOf(Elements.REVIEW)));
    execution.setVariable(Variables.DECISION, (approved ? Decision.APPROVED : Decision.REJECTED).name());
    execution.setVariable(Variables.DECISION_REASON, execution.getVariable(TaskOutcome.opinionOf(Elements.REVIEW)));
  }
}
