package org.caserouting.supplementation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.caserouting.platform.engine.task.TaskOutcome;
import org.caserouting.supplementation.SupplementationProcess.Elements;
import org.caserouting.supplementation.SupplementationProcess.Variables;
import org.springframework.stereotype.Component;

@Component("requestSupplement")
class RequestSupplementDelegate implements JavaDelegate {

  private final Supplementation supplementation;

  RequestSupplementDelegate(Supplementation supplementation) {
    this.supplementation = supplementation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // Asked again after the clerk found the supplement incomplete: what is still missing.
    if (TaskOutcome.RETURN.name().equals(execution.getVariable(TaskOutcome.outcomeOf(Elements.CHECK)))) {
      execution.setVariable(Variables.MISSING, execution.getVariable(TaskOutcome.opinionOf(Elements.CHECK)));
      execution.removeVariable(TaskOutcome.outcomeOf(Elements.CHECK));
    }
    execution.setVariable(
        Variables.DEADLINE,
        supplementation.request(
            execution.getProcessBusinessKey(),
            (String) execution.getVariable(Variables.AGENCY),
            (String) execution.getVariable(Variables.MISSING)));
    execution.setVariable(Variables.WITHDRAWN, false);
  }
}
