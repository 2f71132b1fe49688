package org.caserouting.changes;

import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.caserouting.changes.ChangeNotificationProcess.Variables;
import org.caserouting.platform.engine.EngineContext;
import org.caserouting.platform.engine.WorkingDaysBusinessCalendar;
import org.caserouting.platform.engine.task.ActingUser;
import org.caserouting.platform.engine.task.TaskOutcome;
import org.caserouting.verification.AgencyUnavailableException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The change notification's service tasks and task listener: thin adapters onto {@link ChangeReporting} and {@link ChangeGateway}. */
@Configuration(proxyBeanMethods = false)
class ChangeAdapters {

  private final ChangeReporting changes;
  private final ChangeGateway gateway;
  private final ChangeProperties properties;
  private final WorkingDaysBusinessCalendar dueDates;
  private final Clock clock;

  ChangeAdapters(ChangeReporting changes, ChangeGateway gateway, ChangeProperties properties, WorkingDaysBusinessCalendar dueDates, Clock clock) {
    this.clock = clock;
    this.changes = changes;
    this.gateway = gateway;
    this.properties = properties;
    this.dueDates = dueDates;
  }

  private static String changeNo(DelegateExecution execution) {
    return execution.getProcessBusinessKey();
  }

  private static String agency(DelegateExecution execution) {
    return Variables.NOTICE_AGENCY.required(execution);
  }

  /** The agency's time to answer starts; whether it takes the change online. */
  @Bean
  JavaDelegate openChangeNotice() {
    return execution -> {
      Date due = dueDates.resolveDuedate(WorkingDaysBusinessCalendar.workingDays(properties.answerWithinDays()),
          Date.from(clock.instant()));
      Date graceEnds = dueDates.resolveDuedate(WorkingDaysBusinessCalendar.workingDays(properties.graceDays()), due);
      Variables.NOTICE_DUE.onLocal(execution, due);
      Variables.NOTICE_GRACE_ENDS.onLocal(execution, graceEnds);
      Variables.NOTICE_AUTOMATIC.onLocal(execution, properties.automatic(agency(execution)));
      changes.open(changeNo(execution), agency(execution), due.toInstant());
    };
  }

  /** Through the gateway; after the last retry the agency's clerks get the task instead. */
  @Bean
  JavaDelegate updateAgencyRecords() {
    return execution -> {
      try {
        gateway.send(changeNo(execution), agency(execution), execution.getId() + "/" + agency(execution));
      } catch (AgencyUnavailableException failed) {
        if (!EngineContext.lastAttempt()) {
          throw failed;
        }
        changes.toTask(changeNo(execution), agency(execution));
        throw new BpmnError(ChangeNotificationProcess.UPDATE_FAILED, failed.getMessage());
      }
    };
  }

  @Bean
  TaskListener recordChangeAnswer() {
    return task -> changes.answer(
        changeNo(task.getExecution()),
        agency(task.getExecution()),
        TaskOutcome.UPDATED.is(TaskOutcome.OUTCOME.from(task)) ? Notice.Status.UPDATED : Notice.Status.REJECTED,
        TaskOutcome.OPINION.from(task),
        ActingUser.of(task).orElse(null));
  }

  @Bean
  JavaDelegate recordNoChangeAnswer() {
    return execution -> changes.answer(changeNo(execution), agency(execution), Notice.Status.NO_ANSWER, null, null);
  }

  @Bean
  JavaDelegate concludeChange() {
    return execution -> changes.conclude(changeNo(execution));
  }
}
