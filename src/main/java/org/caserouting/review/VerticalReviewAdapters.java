package org.caserouting.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.caserouting.assistance.MeansTestAdjusting;
import org.caserouting.review.VerticalEscalatedApprovalProcess.Variables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The vertical process's service tasks: thin adapters onto {@link Escalation}. */
@Configuration(proxyBeanMethods = false)
class VerticalReviewAdapters {

  private final Escalation escalation;
  private final MeansTestAdjusting meansTest;

  VerticalReviewAdapters(Escalation escalation, MeansTestAdjusting meansTest) {
    this.escalation = escalation;
    this.meansTest = meansTest;
  }

  /** The levels of the case, and for a type with a means test the line its first review's form shows. */
  @Bean
  JavaDelegate prepareEscalation() {
    return execution -> {
      moveTo(execution, escalation.start(execution.getProcessBusinessKey()));
      Variables.ESCALATION_PATH.on(execution, escalation.pathOf(execution.getProcessBusinessKey()));
      meansTest.proposal(execution.getProcessBusinessKey())
          .ifPresent(proposal -> Variables.MEANS_TEST_PROPOSAL.on(execution, proposal));
    };
  }

  @Bean
  JavaDelegate forwardToUpperAgency() {
    return execution ->
        moveTo(execution, escalation.forward(execution.getProcessBusinessKey(), Variables.LEVEL_INDEX.required(execution)));
  }

  @Bean
  JavaDelegate returnToLowerAgency() {
    return execution -> {
      String opinion = Variables.UPPER_REVIEW_OPINION.from(execution);
      moveTo(execution,
          escalation.returnDown(execution.getProcessBusinessKey(), Variables.LEVEL_INDEX.required(execution), opinion));
      Variables.UPPER_RETURN_OPINION.on(execution, opinion);
    };
  }

  @Bean
  JavaDelegate concludeVertical() {
    return execution -> {
      Escalation.Position at = position(execution);
      boolean atReceivingAgency = at.level() == 0;
      Conclusions.on(execution, escalation.conclude(execution.getProcessBusinessKey(), at,
          (atReceivingAgency ? Variables.FIRST_REVIEW_OUTCOME : Variables.UPPER_REVIEW_OUTCOME).from(execution),
          (atReceivingAgency ? Variables.FIRST_REVIEW_OPINION : Variables.UPPER_REVIEW_OPINION).from(execution)));
    };
  }

  private static Escalation.Position position(DelegateExecution execution) {
    return new Escalation.Position(Variables.LEVEL_INDEX.required(execution), Variables.CURRENT_AGENCY.required(execution),
        Boolean.TRUE.equals(Variables.HAS_HIGHER_LEVEL.from(execution)));
  }

  private static void moveTo(DelegateExecution execution, Escalation.Position position) {
    Variables.LEVEL_INDEX.on(execution, position.level());
    Variables.CURRENT_AGENCY.on(execution, position.agency());
    Variables.HAS_HIGHER_LEVEL.on(execution, position.hasHigherLevel());
  }
}
