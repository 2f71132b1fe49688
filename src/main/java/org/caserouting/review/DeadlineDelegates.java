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
class DeadlineDelegates {

  static final String CURRENT_AGENCY = "currentAgency";
  static final String CO_REVIEW_AGENCY = "coReviewAgency";
  static final String CO_REVIEW_DUE = "coReviewDue";
  static final String OVERDUE_AGENCY = "overdueAgency";

  @Bean
  JavaDelegate remindOfDueTask(CaseEvents events, CalendarProperties calendar) {
    return execution ->
        events.record(execution.getProcessBusinessKey(), CaseEventKind.REMINDER, agency(execution),
            "due " + due(execution, calendar.zone()));
  }

  @Bean
  JavaDelegate recordOverdue(CaseEvents events, CalendarProperties calendar) {
    return execution -> {
      execution.setVariableLocal(OVERDUE_AGENCY, agency(execution));
      events.record(execution.getProcessBusinessKey(), CaseEventKind.OVERDUE_ESCALATED, agency(execution),
          "was due " + due(execution, calendar.zone()));
    };
  }

  /** The agency that holds the task: a co-reviewing agency's own part, else the case's holder. */
  private static String agency(DelegateExecution execution) {
    Object coReviewer = execution.getVariable(CO_REVIEW_AGENCY);
    return (String) (coReviewer != null ? coReviewer : execution.getVariable(CURRENT_AGENCY));
  }

  private static String due(DelegateExecution execution, ZoneId zone) {
    Object own = execution.getVariable(CO_REVIEW_DUE);
    Date due = (Date) (own != null ? own : execution.getVariable(CaseVariables.DUE_DATE));
    return due.toInstant().atZone(zone).toLocalDate().toString();
  }
}
