package org.caserouting.intake;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.caserouting.cases.Application;
import org.caserouting.cases.ApplicationRepository;
import org.caserouting.cases.CaseVariables;
import org.caserouting.cases.Decision;
import org.caserouting.receipts.Receipt;
import org.caserouting.receipts.Receipts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Records the route's decision on the application, which the applicant then sees. */
@Component("recordDecision")
class RecordDecisionDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(RecordDecisionDelegate.class);

  private final ApplicationRepository applications;
  private final Receipts receipts;
  private final Clock clock;

  RecordDecisionDelegate(ApplicationRepository applications, Receipts receipts, Clock clock) {
    this.applications = applications;
    this.receipts = receipts;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Decision decision = Decision.valueOf((String) execution.getVariable(CaseVariables.DECISION));
    String reason = (String) execution.getVariable(CaseVariables.DECISION_REASON);
    Application application = applications.require(execution.getProcessBusinessKey());
    application.decide(decision, reason, clock.instant());
    // The signed decision any agency can verify without calling us.
    receipts.issue(application, Receipt.Kind.DECISION);
    log.info("Decision recorded: {}", decision);
  }
}
