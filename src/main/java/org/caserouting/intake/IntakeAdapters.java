package org.caserouting.intake;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.caserouting.cases.CaseVariables;
import org.caserouting.cases.Decision;
import org.caserouting.catalog.Channel;
import org.caserouting.catalog.OnlineEligibilityDecision;
import org.caserouting.catalog.Route;
import org.caserouting.intake.IntakeProcess.Variables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The intake's service tasks: thin adapters onto {@link Decisions}. */
@Configuration(proxyBeanMethods = false)
class IntakeAdapters {

  private final Decisions decisions;

  IntakeAdapters(Decisions decisions) {
    this.decisions = decisions;
  }

  @Bean
  JavaDelegate recordHandling() {
    return execution -> {
      Channel channel = Channel.valueOf((String) Variables.ELIGIBILITY.required(execution).get(OnlineEligibilityDecision.CHANNEL));
      CaseVariables.CHANNEL.on(execution, channel.name());
      decisions.recordHandling(
          execution.getProcessBusinessKey(), channel, Route.valueOf(CaseVariables.ROUTE.required(execution)));
    };
  }

  @Bean
  JavaDelegate recordDecision() {
    return execution ->
        decisions.recordDecision(execution.getProcessBusinessKey(),
            Decision.valueOf(CaseVariables.DECISION.required(execution)), CaseVariables.DECISION_REASON.from(execution));
  }

  @Bean
  JavaDelegate notifyApplicant() {
    return execution -> decisions.tellApplicant(execution.getProcessBusinessKey());
  }
}
