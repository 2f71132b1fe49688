package org.caserouting.supplementation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.caserouting.supplementation.SupplementationProcess.Variables;
import org.springframework.stereotype.Component;

@Component("withdrawForNoSupplement")
class WithdrawForNoSupplementDelegate implements JavaDelegate {

  private final Supplementation supplementation;

  WithdrawForNoSupplementDelegate(Supplementation supplementation) {
    this.supplementation = supplementation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    supplementation.withdraw(execution.getProcessBusinessKey());
    execution.setVariable(Variables.WITHDRAWN, true);
  }
}
