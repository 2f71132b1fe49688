package org.caserouting.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.caserouting.cases.Application;
import org.caserouting.cases.ApplicationNumbers;
import org.caserouting.cases.ApplicationRepository;
import org.caserouting.cases.ApplicationView;
import org.caserouting.cases.Caller;
import org.caserouting.cases.CaseVariables;
import org.caserouting.cases.CurrentStages;
import org.caserouting.cases.SubmitApplicationRequest.SubmittedVia;
import org.caserouting.cases.SubmitApplicationRequest;
import org.caserouting.cases.TrackingLinks;
import org.caserouting.catalog.Agency;
import org.caserouting.catalog.CaseType;
import org.caserouting.catalog.CaseTypeRepository;
import org.caserouting.catalog.Catalog;
import org.caserouting.catalog.Channel;
import org.caserouting.catalog.Handling;
import org.caserouting.catalog.HandlingDecisions;
import org.caserouting.catalog.OnlineEligibilityDecision;
import org.caserouting.catalog.RoutingDecision;
import org.caserouting.intake.IntakeProcess.Variables;
import org.caserouting.mail.Notifications;
import org.caserouting.platform.CaseLogContext;
import org.caserouting.platform.IdempotentReplay;
import org.caserouting.platform.RequestHash;
import org.caserouting.platform.WorkingDayCalendar;
import org.caserouting.platform.engine.WorkingDaysBusinessCalendar;
import org.caserouting.receipts.Receipt;
import org.caserouting.receipts.Receipts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepts applications. A submission either creates the application, its process and its receipt
 * together, or nothing at all; a retry with the same Idempotency-Key gets the first answer back.
 */
@Service
public class IntakeService {

  private static final Logger log = LoggerFactory.getLogger(IntakeService.class);

  /** What a submission produced, and whether it is a replay of an earlier one. */
  public record Submission(ApplicationView application, boolean replayed) {}

  private final ApplicationRepository applications;
  private final CaseTypeRepository caseTypes;
  private final Catalog catalog;
  private final HandlingDecisions decisions;
  private final ApplicationNumbers numbers;
  private final RuntimeService runtime;
  private final Notifications notifications;
  private final CurrentStages stages;
  private final WorkingDayCalendar calendar;
  private final WorkingDaysBusinessCalendar dueDates;
  private final Clock clock;
  private final TransactionTemplate transaction;
  private final boolean verificationEnabled;
  private final Receipts receipts;
  private final TrackingLinks links;

  IntakeService(
      ApplicationRepository applications,
      CaseTypeRepository caseTypes,
      Catalog catalog,
      HandlingDecisions decisions,
      ApplicationNumbers numbers,
      RuntimeService runtime,
      Notifications notifications,
      CurrentStages stages,
      WorkingDayCalendar calendar,
      WorkingDaysBusinessCalendar dueDates,
      Clock clock,
      PlatformTransactionManager transactions,
      @org.springframework.beans.factory.annotation.Value("${caserouting.verification.enabled:true}")
          boolean verificationEnabled,
      Receipts receipts,
      TrackingLinks links) {
    this.links = links;
    this.applications = applications;
    this.caseTypes = caseTypes;
    this.catalog = catalog;
    this.decisions = decisions;
    this.numbers = numbers;
    this.runtime = runtime;
    this.notifications = notifications;
    this.stages = stages;
    this.calendar = calendar;
    this.dueDates = dueDates;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
    this.verificationEnabled = verificationEnabled;
    this.receipts = receipts;
  }

  public Submission submit(SubmitApplicationRequest request, String idempotencyKey) {
    return submit(request, idempotencyKey, Caller.SYSTEM);
  }

  public Submission submit(SubmitApplicationRequest request, String idempotencyKey, Caller caller) {
    if (idempotencyKey != null && !idempotencyKey.matches("[\\x21-\\x7e]{1,128}")) {
      throw new ApplicationProblems.InvalidIdempotencyKey();
    }
    String hash = RequestHash.of(request);
    Optional<Submission> earlier = replay(idempotencyKey, hash, caller);
    if (earlier.isPresent()) {
      return earlier.get();
    }

    CaseType type =
        caseTypes.findById(request.caseTypeCode())
            .orElseThrow(() -> new ApplicationProblems.UnknownCaseType(request.caseTypeCode()));
    Handling handling = decisions.evaluate(type);
    if (handling.channel() == Channel.COUNTER_ONLY && request.submittedVia() == SubmittedVia.ONLINE) {
      throw new ApplicationProblems.NotOnline(type.getCode(), handling);
    }
    String receivingAgency = receivingAgency(type, request.receivingAgency());
    if (!caller.maySubmitTo(receivingAgency)) {
      throw new ApplicationProblems.NotAllowedToSubmit(caller.userId(), receivingAgency);
    }

    Instant now = clock.instant();
    Date due =
        dueDates.resolveDuedate(WorkingDaysBusinessCalendar.workingDays(type.getTimeLimitDays()), Date.from(now));
    LocalDate dueDate = dueDates.dayOf(due);
    String applicationNo = numbers.next(calendar.dateOf(now).getYear(), type.getCategory());
    try (MDC.MDCCloseable context = CaseLogContext.of(applicationNo)) {
      Submission accepted = new Submission(
          transaction.execute(
              status -> {
                Application application =
                    applications.saveAndFlush(
                        new Application(applicationNo, request, receivingAgency, handling.channel(), handling.route(),
                            now, dueDate, idempotencyKey, hash, caller.userId()));
                String processInstanceId =
                    runtime
                        .startProcessInstanceByKey(
                            IntakeProcess.KEY, applicationNo, processVariables(application, type, due))
                        .getId();
                application.attachProcess(processInstanceId);
                notifications.submissionReceipt(applicationNo, application.getApplicantEmail(), dueDate.toString());
                receipts.issue(application, Receipt.Kind.SUBMISSION);
                return ApplicationView.of(application, stages.of(applicationNo)).withTrackingUrl(links.linkOf(applicationNo));
              }),
          false);
      log.info("Application accepted: {} to {}, {} {}", type.getCode(), receivingAgency, handling.channel(), handling.route());
      return accepted;
    } catch (DataIntegrityViolationException e) {
      // Two requests with the same Idempotency-Key at the same moment: the other one won.
      return replay(idempotencyKey, hash, caller).orElseThrow(() -> e);
    }
  }

  private Optional<Submission> replay(String idempotencyKey, String hash, Caller caller) {
    if (idempotencyKey == null) {
      return Optional.empty();
    }
    return applications.findByIdempotencyKey(idempotencyKey)
        .map(
            original -> {
              IdempotentReplay.require(idempotencyKey, original.getSubmittedBy(), original.getRequestHash(),
                  caller.userId(), hash, "applicationNo", original.getApplicationNo());
              return new Submission(ApplicationView.of(original, stages.of(original.getApplicationNo()))
                  .withTrackingUrl(links.linkOf(original.getApplicationNo())), true);
            });
  }

  /** The type's receiving agency, or an office of the same kind the applicant chose (跨區受理). */
  private String receivingAgency(CaseType type, String requested) {
    if (requested == null || requested.equals(type.getReceivingAgency())) {
      return type.getReceivingAgency();
    }
    Optional<Agency> standard = catalog.agency(type.getReceivingAgency());
    Optional<Agency> chosen = catalog.agency(requested);
    if (standard.isPresent() && chosen.isPresent() && chosen.get().isSiblingOf(standard.get())) {
      return requested;
    }
    throw new ApplicationProblems.NotAReceivingAgency(requested, type.getCode(), type.getReceivingAgency());
  }

  private Map<String, Object> processVariables(Application application, CaseType type, Date due) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(CaseVariables.APPLICATION_NO, application.getApplicationNo());
    variables.put(CaseVariables.CASE_TYPE_CODE, type.getCode());
    variables.put(CaseVariables.CASE_TYPE_NAME, type.getNameZh() + " / " + type.getNameEn());
    variables.put(CaseVariables.RECEIVING_AGENCY, application.getReceivingAgency());
    variables.put(CaseVariables.APPLICANT_NAME, application.getApplicantName());
    variables.put(CaseVariables.SITE_ADDRESS, application.getSiteAddress());
    variables.put(CaseVariables.SITE_ZONE, application.getSiteZone() == null ? null : application.getSiteZone().name());
    variables.put(CaseVariables.CATEGORY, type.getCategory().name());
    variables.put(CaseVariables.NEEDS_JOINT_INSPECTION, type.isNeedsJointInspection());
    variables.put(
        CaseVariables.DOCUMENTS_SUMMARY,
        application.getDocuments().stream()
            .map(d -> d.getTitle() + " (" + d.getDocumentClass() + ")")
            .collect(Collectors.joining("\n")));
    variables.put(CaseVariables.DUE_DATE, due);
    variables.put(CaseVariables.WITHDRAWN, false);
    variables.put(Variables.VERIFICATION_ENABLED, verificationEnabled);
    variables.putAll(OnlineEligibilityDecision.inputsFor(type));
    variables.putAll(RoutingDecision.inputsFor(type));
    return variables;
  }
}
