package org.caserouting.signoff;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.caserouting.platform.engine.task.TaskOutcome;
import org.caserouting.signoff.SignOffProcess.Elements;
import org.caserouting.signoff.SignOffProcess.Variables;
import org.springframework.stereotype.Component;

/** The sign-off's result for the caller: signed by everyone, or returned with the reason. */
@Component("concludeSignOff")
class ConcludeSignOffDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    boolean returned =
        TaskOutcome.RETURN.name().equals(execution.getVariable(TaskOutcome.outcomeOf(Elements.SIGN)));
    execution.setVariable(Variables.RESULT, returned ? SignOffProcess.RETURNED : SignOffProcess.SIGNED);
    execution.setVariable(
        Variables.RETURN_OPINION, returned ? execution.getVariable(TaskOutcome.opinionOf(Elements.SIGN)) : null);
  }
}
