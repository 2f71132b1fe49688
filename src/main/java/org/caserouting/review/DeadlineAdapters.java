package org.caserouting.review;

import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.caserouting.cases.CaseEventKind;
import org.caserouting.cases.CaseEvents;
import org.caserouting.cases.CaseVariables;
import org.caserouting.platform.CalendarProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the deadline timers of a review do: record a reminder, or record that the case is overdue
 * and name the agency whose section chief follows it up ({@code overdueAgency}, local to the
 * escalation, so two overdue reviews do not overwrite each other).
 */
@Configuration(proxyBeanMethods = false)
class DeadlineAdapters {

  private final CaseEvents events;
  private final ZoneId zone;

  DeadlineAdapters(CaseEvents events, CalendarProperties calendar) {
    this.events = events;
    this.zone = calendar.zone();
  }

  @Bean
  JavaDelegate remindOfDueTask() {
    return execution ->
        events.record(execution.getProcessBusinessKey(), CaseEventKind.REMINDER, agency(execution), "due " + due(execution));
  }

  @Bean
  JavaDelegate recordOverdue() {
    return execution -> {
      VerticalEscalatedApprovalProcess.Variables.OVERDUE_AGENCY.onLocal(execution, agency(execution));
      events.record(execution.getProcessBusinessKey(), CaseEventKind.OVERDUE_ESCALATED, agency(execution),
          "was due " + due(execution));
    };
  }

  /** The agency that holds the task: a co-reviewing agency's own part, else the case's holder. */
  private static String agency(DelegateExecution execution) {
    String coReviewer = JointReviewProcess.Variables.CO_REVIEW_AGENCY.from(execution);
    return coReviewer != null ? coReviewer : VerticalEscalatedApprovalProcess.Variables.CURRENT_AGENCY.required(execution);
  }

  private String due(DelegateExecution execution) {
    Date own = JointReviewProcess.Variables.CO_REVIEW_DUE.from(execution);
    Date due = own != null ? own : CaseVariables.DUE_DATE.required(execution);
    return due.toInstant().atZone(zone).toLocalDate().toString();
  }
}
