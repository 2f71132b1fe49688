package org.caserouting.fieldstep;

import java.util.Date;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.caserouting.cases.CaseVariables;
import org.caserouting.fieldstep.FieldStepProcess.Variables;
import org.caserouting.platform.engine.task.ActingUser;
import org.caserouting.platform.engine.task.TaskOutcome;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The field step's two tasks: thin adapters onto {@link FieldSteps}. */
@Configuration(proxyBeanMethods = false)
class FieldStepAdapters {

  private final FieldSteps steps;

  FieldStepAdapters(FieldSteps steps) {
    this.steps = steps;
  }

  /** The clerk's appointment: recorded, told to the applicant, and the day the case waits for. */
  @Bean
  TaskListener fieldStepArrangement() {
    return task -> {
      var when = steps.arrange(task.getExecution().getProcessBusinessKey(),
          CaseVariables.RECEIVING_AGENCY.required(task), Variables.ACTIVITIES.required(task), Variables.AT.from(task),
          Variables.PLACE.from(task), Variables.NOTE.from(task), ActingUser.of(task).orElse(null));
      Variables.DATE.on(task.getExecution(), Date.from(when));
    };
  }

  /** What was found, for the reviews; or that it did not take place. */
  @Bean
  TaskListener fieldFindingsRecorder() {
    return task -> {
      boolean tookPlace = TaskOutcome.APPROVE.is(TaskOutcome.OUTCOME.from(task));
      String findings = Variables.FINDINGS.from(task);
      steps.record(task.getExecution().getProcessBusinessKey(), tookPlace, findings, ActingUser.of(task).orElse(null));
    };
  }
}
