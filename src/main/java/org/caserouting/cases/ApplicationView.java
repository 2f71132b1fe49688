package org.caserouting.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.caserouting.catalog.Channel;
import org.caserouting.catalog.Route;

/**
 * An application's state for the portal: no personal data, no clerk's name; the tasks open on it
 * ({@code stages}) and what it waits for when none is ({@code waitingFor}). The answer to the
 * submission also carries the applicant's own tracking link, for the portal to give them.
 */
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
    List<Stage> stages,
    List<CaseWait> waitingFor,
    @JsonInclude(JsonInclude.Include.NON_NULL) String trackingUrl) {

  /** The application, the tasks open on it, and what it waits for besides. */
  public static ApplicationView of(Application application, List<Stage> stages, List<CaseWait> waitingFor) {
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
        stages,
        waitingFor,
        null);
  }

  public ApplicationView withTrackingUrl(String url) {
    return new ApplicationView(applicationNo, processInstanceId, caseTypeCode, receivingAgency, channel, route, status,
        decision, decisionReason, submittedAt, dueDate, decidedAt, stages, waitingFor, url);
  }
}
