package org.caserouting.intake;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.caserouting.cases.Application;
import org.caserouting.cases.ApplicationRepository;
import org.caserouting.cases.CaseVariables;
import org.caserouting.catalog.Channel;
import org.caserouting.catalog.OnlineEligibilityDecision;
import org.caserouting.catalog.Route;
import org.caserouting.intake.IntakeProcess.Variables;
import org.springframework.stereotype.Component;

/** Stores the channel and route the decision tables gave inside the process on the application. */
@Component("recordHandling")
class RecordHandlingDelegate implements JavaDelegate {

  private final ApplicationRepository applications;

  RecordHandlingDelegate(ApplicationRepository applications) {
    this.applications = applications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    @SuppressWarnings("unchecked")
    Map<String, Object> eligibility = (Map<String, Object>) execution.getVariable(Variables.ELIGIBILITY);
    Channel channel = Channel.valueOf((String) eligibility.get(OnlineEligibilityDecision.CHANNEL));
    Route route = Route.valueOf((String) execution.getVariable(CaseVariables.ROUTE));
    execution.setVariable(CaseVariables.CHANNEL, channel.name());
    Application application =
        applications.require(execution.getProcessBusinessKey());
    application.recordHandling(channel, route);
  }
}
