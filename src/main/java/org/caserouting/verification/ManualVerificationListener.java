package org.caserouting.verification;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The clerk's manual verification (聯繫單) becomes a line of the case's verification summary. */
@Component("manualVerificationRecorder")
class ManualVerificationListener implements TaskListener {

  @Override
  public void notify(org.camunda.bpm.engine.delegate.DelegateTask task) {
    Object answer = task.getVariable("manualAnswer");
    Object reference = task.getVariable("manualReference");
    if (answer == null || answer.toString().isBlank()) {
      throw new org.camunda.bpm.engine.BadUserRequestException("Record what was found, and how.");
    }
    AgencyVerificationDelegate.append(
        task.getExecution(),
        "人工查證 Verified by hand: " + answer + (reference == null ? "" : " (" + reference + ")"));
  }
}
