package org.caserouting.supplementation;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.caserouting.platform.engine.task.TaskOutcome;
import org.caserouting.supplementation.SupplementationProcess.Variables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The supplementation's service tasks: thin adapters onto {@link Supplementation}. */
@Configuration(proxyBeanMethods = false)
class SupplementationAdapters {

  private final Supplementation supplementation;

  SupplementationAdapters(Supplementation supplementation) {
    this.supplementation = supplementation;
  }

  /** Asks the applicant; asked again after the clerk found the supplement incomplete, for what is still missing. */
  @Bean
  JavaDelegate requestSupplement() {
    return execution -> {
      if (TaskOutcome.RETURN.is(Variables.CHECK_OUTCOME.from(execution))) {
        Variables.MISSING.on(execution, Variables.CHECK_OPINION.from(execution));
        execution.removeVariable(Variables.CHECK_OUTCOME.name());
      }
      Variables.DEADLINE.on(execution,
          supplementation.request(execution.getProcessBusinessKey(), Variables.AGENCY.required(execution),
              Variables.MISSING.from(execution)));
      Variables.WITHDRAWN.on(execution, false);
    };
  }

  /** The deadline passed: the case is closed. */
  @Bean
  JavaDelegate withdrawForNoSupplement() {
    return execution -> {
      supplementation.withdraw(execution.getProcessBusinessKey());
      Variables.WITHDRAWN.on(execution, true);
    };
  }
}
