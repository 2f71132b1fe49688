package org.caserouting.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.caserouting.catalog.Channel;
import org.caserouting.catalog.Route;
import org.caserouting.tracking.Stage;

/** An application's state for the portal: no personal data, no clerk's name. */
public record ApplicationView(
    String applicationNo,
    String processInstanceId,
    String caseTypeCode,
    String receivingAgency,
    Channel channel,
    Route route,
    ApplicationStatus status,
    Decision decision,
    String decisionReason,
    Instant submittedAt,
    LocalDate dueDate,
    Instant decidedAt,
    List<Stage> stages) {

  static ApplicationView of(Application application, List<Stage> stages) {
    return new ApplicationView(
        application.getApplicationNo(),
        application.getProcessInstanceId(),
        application.getCaseTypeCode(),
        application.getReceivingAgency(),
        application.getChannel(),
        application.getRoute(),
        application.getStatus(),
        application.getDecision(),
        application.getDecisionReason(),
        application.getSubmittedAt(),
        application.getDueDate(),
        application.getDecidedAt(),
        stages);
  }
}
