package org.caserouting.review;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The vertical process's service tasks, each a thin adapter onto {@link Escalation}. */
@Configuration(proxyBeanMethods = false)
class EscalationDelegates {

  @Bean
  JavaDelegate prepareEscalation(Escalation escalation) {
    return escalation::prepare;
  }

  @Bean
  JavaDelegate forwardToUpperAgency(Escalation escalation) {
    return escalation::forward;
  }

  @Bean
  JavaDelegate returnToLowerAgency(Escalation escalation) {
    return escalation::returnDown;
  }

  @Bean
  JavaDelegate concludeVertical(Escalation escalation) {
    return escalation::conclude;
  }
}
