package org.caserouting.supplementation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.caserouting.cases.Application;
import org.caserouting.cases.ApplicationNotFound;
import org.caserouting.cases.ApplicationRepository;
import org.caserouting.cases.CaseEventKind;
import org.caserouting.cases.CaseEvents;
import org.caserouting.cases.CaseFigures;
import org.caserouting.cases.CaseVariables;
import org.caserouting.cases.SubmittedDocument;
import org.caserouting.catalog.CaseTypeRepository;
import org.caserouting.documents.ApplicationFiles;
import org.caserouting.documents.CheckedFile;
import org.caserouting.mail.Notifications;
import org.caserouting.platform.ApiProblem;
import org.caserouting.platform.WorkingDayCalendar;
import org.caserouting.platform.engine.WorkingDaysBusinessCalendar;
import org.caserouting.supplementation.SupplementationProcess.Variables;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supplementation (補正): asking the applicant for what is missing, taking it in, or closing the
 * case when the deadline passes. While a request is open the processing clock stands still: the
 * working days it was open are added to the time limit when the supplement arrives.
 */
@Service
public class Supplementation {

  static final class NotWaitingForSupplement extends ApiProblem {
    NotWaitingForSupplement(String applicationNo) {
      super(HttpStatus.CONFLICT, "not-waiting-for-supplement", "No supplement was asked for",
          "Application " + applicationNo + " is not waiting for documents from the applicant.",
          Map.of("applicationNo", applicationNo));
    }
  }

  private final SupplementRequestRepository requests;
  private final ApplicationRepository applications;
  private final CaseTypeRepository caseTypes;
  private final RuntimeService runtime;
  private final WorkingDayCalendar calendar;
  private final WorkingDaysBusinessCalendar dueDates;
  private final CaseEvents events;
  private final Notifications notifications;
  private final Clock clock;
  private final ApplicationFiles applicationFiles;
  private final CaseFigures figures;

  Supplementation(
      SupplementRequestRepository requests,
      ApplicationRepository applications,
      CaseTypeRepository caseTypes,
      RuntimeService runtime,
      WorkingDayCalendar calendar,
      WorkingDaysBusinessCalendar dueDates,
      CaseEvents events,
      Notifications notifications, Clock clock, ApplicationFiles applicationFiles, CaseFigures figures) {
    this.clock = clock;
    this.figures = figures;
    this.applicationFiles = applicationFiles;
    this.requests = requests;
    this.applications = applications;
    this.caseTypes = caseTypes;
    this.runtime = runtime;
    this.calendar = calendar;
    this.dueDates = dueDates;
    this.events = events;
    this.notifications = notifications;
  }

  /** Asks the applicant for what is missing; returns the deadline, the end of the last calendar day. */
  @Transactional
  public Date request(String applicationNo, String agency, String missing) {
    Application application = applications.require(applicationNo);
    int days = caseTypes.findById(application.getCaseTypeCode()).orElseThrow().getSupplementDays();
    Instant now = clock.instant();
    Date deadline = dueDates.endOf(calendar.dateOf(now).plusDays(days));
    requests.save(new SupplementRequest(applicationNo, agency, missing, now, deadline.toInstant()));
    application.awaitSupplement();
    figures.supplementRequested(applicationNo);
    events.record(applicationNo, CaseEventKind.SUPPLEMENT_REQUESTED, agency, missing);
    notifications.supplementRequest(
        applicationNo, application.getApplicantEmail(), missing, dueDates.dayOf(deadline).toString(), deadline.toInstant());
    return deadline;
  }

  /** The applicant's supplement: stored, the time limit extended, the waiting case resumed. */
  @Transactional
  public void receive(String applicationNo, List<SubmittedDocument> documents) {
    receive(applicationNo, documents, List.of());
  }

  /** The same, with the applicant's files, checked and scanned already: stored with the supplement. */
  @Transactional
  public void receive(String applicationNo, List<SubmittedDocument> documents, List<CheckedFile> files) {
    Application application =
        applications.lockByApplicationNo(applicationNo).orElseThrow(() -> new ApplicationNotFound(applicationNo));
    SupplementRequest open =
        requests.findOpen(applicationNo).orElseThrow(() -> new NotWaitingForSupplement(applicationNo));
    Instant now = clock.instant();
    int paused = calendar.workingDaysBetween(calendar.dateOf(open.getRequestedAt()), calendar.dateOf(now));
    LocalDate dueDate =
        paused == 0
            ? application.getDueDate()
            : dueDates.dayOf(
                dueDates.resolveDuedate(
                    WorkingDaysBusinessCalendar.workingDays(paused), dueDates.endOf(application.getDueDate())));
    open.receive(documents, now, paused);
    figures.supplied(applicationNo, paused);
    applicationFiles.attach(applicationNo, files, ApplicationFiles.Source.SUPPLEMENT, now);
    notifications.cancelReminders(applicationNo);
    application.resumeAfterSupplement(dueDate);
    String summary =
        documents.stream().map(d -> d.getTitle() + " (" + d.getDocumentClass() + ")").collect(Collectors.joining("\n"));
    events.record(applicationNo, CaseEventKind.SUPPLEMENT_RECEIVED, open.getAgency(),
        summary + (paused > 0 ? "\n+" + paused + " working days to the time limit" : ""));
    try {
      runtime.createMessageCorrelation(SupplementationProcess.SUPPLEMENT_RECEIVED)
          .processInstanceBusinessKey(applicationNo)
          .setVariable(CaseVariables.DUE_DATE.name(), dueDates.endOf(dueDate))
          .setVariable(Variables.RECEIVED_SUMMARY.name(), summary)
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      // The deadline passed in this very moment: nothing is waiting; nothing is kept.
      throw new NotWaitingForSupplement(applicationNo);
    }
  }

  /** The deadline passed without a supplement: the case is closed and the applicant told. */
  @Transactional
  public void withdraw(String applicationNo) {
    Application application = applications.require(applicationNo);
    Instant now = clock.instant();
    requests.findOpen(applicationNo).ifPresent(open -> open.withdraw(now));
    application.withdrawForNoSupplement(now);
    figures.closed(applicationNo, application.getSubmittedAt(), application.getStatus().name(), now);
    notifications.cancelReminders(applicationNo);
    events.record(applicationNo, CaseEventKind.WITHDRAWN_NO_SUPPLEMENT, application.getReceivingAgency(), null);
    notifications.withdrawnForNoSupplement(applicationNo, application.getApplicantEmail());
  }

  @Transactional(readOnly = true)
  public List<SupplementRequest> of(String applicationNo) {
    return requests.findByApplicationNoOrderByRequestedAt(applicationNo);
  }
}
