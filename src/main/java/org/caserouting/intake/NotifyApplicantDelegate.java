package org.caserouting.intake;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.caserouting.cases.Application;
import org.caserouting.cases.ApplicationRepository;
import org.caserouting.cases.Decision;
import org.caserouting.mail.Notifications;
import org.springframework.stereotype.Component;

/** Tells the applicant the decision. */
@Component("notifyApplicant")
class NotifyApplicantDelegate implements JavaDelegate {

  private final ApplicationRepository applications;
  private final Notifications notifications;

  NotifyApplicantDelegate(ApplicationRepository applications, Notifications notifications) {
    this.applications = applications;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Application application =
        applications.require(execution.getProcessBusinessKey());
    notifications.decision(
        application.getApplicationNo(),
        application.getApplicantEmail(),
        application.getDecision() == Decision.APPROVED,
        application.getDecisionReason());
  }
}
