package org.caserouting.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.caserouting.cases.CaseVariables;
import org.caserouting.cases.Decision;
import org.caserouting.platform.engine.task.TaskOutcome;
import org.caserouting.review.SingleAgencyReviewProcess.Elements;
import org.springframework.stereotype.Component;

/** The signed draft becomes the decision, with the clerk's reasons and conditions. */
@Component("concludeSingleAgencyReview")
class ConcludeSingleAgencyReviewDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    boolean approved =
        TaskOutcome.APPROVE.name().equals(execution.getVariable(TaskOutcome.outcomeOf(Elements.REVIEW)));
    execution.setVariable(CaseVariables.DECISION, (approved ? Decision.APPROVED : Decision.REJECTED).name());
    execution.setVariable(CaseVariables.DECISION_REASON, execution.getVariable(TaskOutcome.opinionOf(Elements.REVIEW)));
  }
}
