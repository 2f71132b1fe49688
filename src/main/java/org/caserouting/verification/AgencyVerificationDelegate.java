package org.caserouting.verification;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.caserouting.cases.CaseVariables;
import org.caserouting.platform.engine.EngineContext;
import org.springframework.stereotype.Component;

/**
 * The one delegate of every verification step, configured in the model by input parameters:
 * {@code service}, {@code fields}, {@code purpose}, {@code subject} and {@code resultVariable}
 * (see the Modeler element template). A refusal, or an agency still failing on the last retry,
 * becomes the BPMN error {@value #ERROR_CODE}: the clerk verifies by hand instead.
 */
@Component("agencyVerification")
class AgencyVerificationDelegate implements JavaDelegate {

  static final String ERROR_CODE = "VERIFICATION_FAILED";
  static final String PROBLEM = "verificationProblem";
  static final String SUMMARY = "verificationSummary";

  private final Verification verification;

  AgencyVerificationDelegate(Verification verification) {
    this.verification = verification;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String service = text(execution, "service");
    Verification.Request request =
        new Verification.Request(
            execution.getProcessBusinessKey(),
            execution.getCurrentActivityId(),
            // stable across retries of this step, so the agency can tell a retry from a new query
            execution.getProcessInstanceId() + "/" + execution.getCurrentActivityId() + "/"
                + execution.getVariable("loopCounter"),
            (String) execution.getVariable(CaseVariables.RECEIVING_AGENCY),
            actingUser(),
            service,
            text(execution, "fields"),
            text(execution, "purpose"),
            Verification.Subject.valueOf(text(execution, "subject")));
    try {
      String line = verification.verify(request);
      String resultVariable = (String) execution.getVariable("resultVariable");
      if (resultVariable != null && !resultVariable.isBlank()) {
        execution.setVariable(resultVariable, line);
      }
      append(execution, line);
    } catch (VerificationRefusedException refused) {
      execution.setVariable(PROBLEM, service + ": " + refused.getMessage());
      throw new BpmnError(ERROR_CODE, refused.getMessage());
    } catch (AgencyUnavailableException failed) {
      if (!EngineContext.lastAttempt()) {
        throw failed;
      }
      execution.setVariable(PROBLEM, service + ": " + failed.getMessage()
          + " — please verify with the agency by other means (聯繫單) and record its answer.");
      throw new BpmnError(ERROR_CODE, failed.getMessage());
    }
  }

  static void append(DelegateExecution execution, String line) {
    Object before = execution.getVariable(SUMMARY);
    execution.setVariable(SUMMARY, before == null || before.toString().isBlank() ? line : before + "\n" + line);
  }

  private static String actingUser() {
    return EngineContext.authenticatedUser().orElse("system");
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      throw new IllegalStateException("The verification step needs the input parameter '" + name + "'");
    }
    return value.toString();
  }
}
