package org.caserouting.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What a review's overdue timer does in the model: name the agency whose section chief follows
 * the case up ({@code overdueAgency}, local to the escalation, so two overdue reviews do not
 * overwrite each other). Reminders, the e-mails and the case's record of both are the deadline
 * watch's, for every task with a due date.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineAdapters {

  @Bean
  JavaDelegate recordOverdue() {
    return execution -> VerticalEscalatedApprovalProcess.Variables.OVERDUE_AGENCY.onLocal(execution, agency(execution));
  }

  /** The agency that holds the task: a co-reviewing agency's own part, else the case's holder. */
  private static String agency(DelegateExecution execution) {
    String coReviewer = JointReviewProcess.Variables.CO_REVIEW_AGENCY.from(execution);
    return coReviewer != null ? coReviewer : VerticalEscalatedApprovalProcess.Variables.CURRENT_AGENCY.required(execution);
  }
}
