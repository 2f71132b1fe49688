package org.caserouting.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.caserouting.cases.CaseVariables;

/** How every review hands its conclusion to the intake: the decision and its reasons, in the case's variables. */
final class Conclusions {

  private Conclusions() {}

  static void on(DelegateExecution execution, Conclusion conclusion) {
    CaseVariables.DECISION.on(execution, conclusion.decision().name());
    CaseVariables.DECISION_REASON.on(execution, conclusion.reason());
  }
}
