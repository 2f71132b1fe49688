package org.caserouting.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.caserouting.cases.Application;
import org.caserouting.cases.ApplicationNumbers;
import org.caserouting.cases.ApplicationRepository;
import org.caserouting.cases.ApplicationView;
import org.caserouting.cases.Caller;
import org.caserouting.cases.CaseFigures;
import org.caserouting.cases.CaseVariables;
import org.caserouting.cases.CurrentStages;
import org.caserouting.cases.SubmitApplicationRequest;
import org.caserouting.cases.SubmitApplicationRequest.SubmittedVia;
import org.caserouting.cases.TrackingLinks;
import org.caserouting.catalog.Activity;
import org.caserouting.catalog.Agency;
import org.caserouting.catalog.ApplicantKind;
import org.caserouting.catalog.CaseType;
import org.caserouting.catalog.CaseTypeRepository;
import org.caserouting.catalog.Catalog;
import org.caserouting.catalog.Channel;
import org.caserouting.catalog.District;
import org.caserouting.catalog.DistrictOffices;
import org.caserouting.catalog.Handling;
import org.caserouting.catalog.HandlingDecisions;
import org.caserouting.catalog.OnlineEligibilityDecision;
import org.caserouting.catalog.ReceivedBy;
import org.caserouting.catalog.RequiredDocument;
import org.caserouting.catalog.RoutingDecision;
import org.caserouting.documents.ApplicationFiles;
import org.caserouting.documents.CheckedFile;
import org.caserouting.documents.FileChecks;
import org.caserouting.documents.Upload;
import org.caserouting.mail.Notifications;
import org.caserouting.platform.CaseLogContext;
import org.caserouting.platform.IdempotentSubmission;
import org.caserouting.platform.IdempotentSubmission.Result;
import org.caserouting.platform.InvalidField;
import org.caserouting.platform.Variable;
import org.caserouting.platform.WorkingDayCalendar;
import org.caserouting.platform.engine.WorkingDaysBusinessCalendar;
import org.caserouting.receipts.Receipt;
import org.caserouting.receipts.Receipts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
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
  private final CaseFigures figures;
  private final TransactionTemplate transaction;
  private final boolean verificationEnabled;
  private final boolean fieldStepsEnabled;
  private final Receipts receipts;
  private final TrackingLinks links;
  private final IdempotentSubmission<ApplicationView> submissions;
  private final FileChecks fileChecks;
  private final ApplicationFiles applicationFiles;
  private final DistrictOffices districtOffices;

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
      CaseFigures figures,
      PlatformTransactionManager transactions,
      @Value("${caserouting.verification.enabled:true}")
          boolean verificationEnabled,
      @Value("${caserouting.field-steps.enabled:true}")
          boolean fieldStepsEnabled,
      Receipts receipts,
      TrackingLinks links,
      FileChecks fileChecks,
      ApplicationFiles applicationFiles,
      DistrictOffices districtOffices) {
    this.districtOffices = districtOffices;
    this.links = links;
    this.fileChecks = fileChecks;
    this.applicationFiles = applicationFiles;
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
    this.figures = figures;
    this.transaction = new TransactionTemplate(transactions);
    this.verificationEnabled = verificationEnabled;
    this.fieldStepsEnabled = fieldStepsEnabled;
    this.receipts = receipts;
    this.submissions = new IdempotentSubmission<>("applicationNo", key -> applications.findByIdempotencyKey(key)
        .map(first -> new IdempotentSubmission.First<>(first.getSubmittedBy(), first.getRequestHash(),
            first.getApplicationNo(), view(first))));
  }

  public Result<ApplicationView> submit(SubmitApplicationRequest request, String idempotencyKey) {
    return submit(request, idempotencyKey, Caller.SYSTEM);
  }

  public Result<ApplicationView> submit(SubmitApplicationRequest request, String idempotencyKey, Caller caller) {
    return submit(request, List.of(), idempotencyKey, caller);
  }

  /**
   * An application with the applicant's files. The files are checked and scanned before anything
   * is stored, and stored with the application in its transaction: all of it, or nothing.
   */
  public Result<ApplicationView> submit(
      SubmitApplicationRequest request, List<Upload> uploads, String idempotencyKey, Caller caller) {
    // A retry with the same key must carry the same files, not just the same form.
    Object hashed = uploads.isEmpty() ? request : new WithFiles(request, uploads.stream()
        .map(upload -> upload.documentCode() + ":" + upload.fileName() + ":" + upload.sha256()).toList());
    return submissions.submit(idempotencyKey, hashed, caller.userId(),
        hash -> accept(request, uploads, idempotencyKey, hash, caller));
  }

  /** What a submission with files is identified by for its Idempotency-Key. */
  private record WithFiles(SubmitApplicationRequest application, List<String> files) {}

  private Result<ApplicationView> accept(
      SubmitApplicationRequest request, List<Upload> uploads, String idempotencyKey, String hash, Caller caller) {
    CaseType type =
        caseTypes.findById(request.caseTypeCode())
            .orElseThrow(() -> new ApplicationProblems.UnknownCaseType(request.caseTypeCode()));
    List<InvalidField> invalidData = type.getApplicationForm().problems(type.getCode(), request.applicationData());
    if (!invalidData.isEmpty()) {
      throw new ApplicationProblems.InvalidApplicationData(type.getCode(), invalidData);
    }
    Set<ApplicantKind> notAccepted = EnumSet.copyOf(request.filedBy());
    notAccepted.removeAll(type.getApplicantKinds());
    if (!notAccepted.isEmpty()) {
      throw new ApplicationProblems.ApplicantKindNotAccepted(type.getCode(), notAccepted, type.getApplicantKinds());
    }
    List<RequiredDocument> required = new ArrayList<>(type.getRequiredDocuments());
    if (request.agent() != null) {
      if (uploads.stream().noneMatch(upload -> upload.documentCode().equals(RequiredDocument.MANDATE.getCode()))) {
        throw new ApplicationProblems.MandateMissing();
      }
      required.add(RequiredDocument.MANDATE);
    }
    Handling handling = decisions.evaluate(type);
    if (handling.channel() == Channel.COUNTER_ONLY && request.submittedVia() == SubmittedVia.ONLINE) {
      throw new ApplicationProblems.NotOnline(type.getCode(), handling);
    }
    String receivingAgency = receivingAgency(type, request);
    if (!caller.maySubmitTo(receivingAgency)) {
      throw new ApplicationProblems.NotAllowedToSubmit(caller.userId(), receivingAgency);
    }

    List<CheckedFile> files = uploads.isEmpty() ? List.of() : fileChecks.check(required, uploads);

    Instant now = clock.instant();
    Date due =
        dueDates.resolveDuedate(WorkingDaysBusinessCalendar.workingDays(type.getTimeLimitDays()), Date.from(now));
    LocalDate dueDate = dueDates.dayOf(due);
    String applicationNo = numbers.next(calendar.dateOf(now).getYear(), type.getCategory());
    try (MDC.MDCCloseable context = CaseLogContext.of(applicationNo)) {
      ApplicationView accepted = transaction.execute(status -> {
        Application application = applications.saveAndFlush(
            new Application(applicationNo, request, receivingAgency, handling.channel(), handling.route(),
                now, dueDate, idempotencyKey, hash, caller.userId()));
        applicationFiles.attach(applicationNo, files, ApplicationFiles.Source.APPLICATION, now);
        figures.received(applicationNo, receivingAgency, type.getCode(), now, type.getTimeLimitDays());
        application.attachProcess(
            runtime.startProcessInstanceByKey(IntakeProcess.KEY, applicationNo, processVariables(application, type, due))
                .getId());
        notifications.submissionReceipt(applicationNo, application.getApplicantEmail(), dueDate.toString());
        receipts.issue(application, Receipt.Kind.SUBMISSION);
        return view(application);
      });
      log.info("Application accepted: {} to {}, {} {}", type.getCode(), receivingAgency, handling.channel(), handling.route());
      return new Result<>(accepted, applicationNo, false);
    }
  }

  private ApplicationView view(Application application) {
    return ApplicationView.of(application, stages.of(application.getApplicationNo()), List.of())
        .withTrackingUrl(links.linkOf(application.getApplicationNo()));
  }

  /**
   * The type's receiving agency, named or found by its rule from the district the application
   * gives, or an office of the same kind the applicant chose (跨區受理).
   */
  private String receivingAgency(CaseType type, SubmitApplicationRequest request) {
    String standard = type.getReceivedBy() == null ? type.getReceivingAgency() : byRule(type.getReceivedBy(), request);
    String requested = request.receivingAgency();
    if (requested == null || requested.equals(standard)) {
      return standard;
    }
    Optional<Agency> usual = catalog.agency(standard);
    Optional<Agency> chosen = catalog.agency(requested);
    if (usual.isPresent() && chosen.isPresent() && chosen.get().isSiblingOf(usual.get())) {
      return requested;
    }
    throw new ApplicationProblems.NotAReceivingAgency(requested, type.getCode(), standard);
  }

  private String byRule(ReceivedBy rule, SubmitApplicationRequest request) {
    District district = request.districtFor(rule);
    if (district == null) {
      throw new ApplicationProblems.DistrictMissing(rule);
    }
    return districtOffices.receivingOffice(rule, district);
  }


  private Map<String, Object> processVariables(Application application, CaseType type, Date due) {
    Map<String, Object> variables = Variable.values(
        CaseVariables.APPLICATION_NO.of(application.getApplicationNo()),
        CaseVariables.CASE_TYPE_CODE.of(type.getCode()),
        CaseVariables.CASE_TYPE_NAME.of(type.getNameZh() + " / " + type.getNameEn()),
        CaseVariables.RECEIVING_AGENCY.of(application.getReceivingAgency()),
        CaseVariables.SITE_ZONE.of(application.getSiteZone() == null ? null : application.getSiteZone().name()),
        CaseVariables.CATEGORY.of(type.getCategory().name()),
        CaseVariables.NEEDS_JOINT_INSPECTION.of(type.isNeedsJointInspection()),
        CaseVariables.DUE_DATE.of(due),
        CaseVariables.WITHDRAWN.of(false),
        IntakeProcess.Variables.VERIFICATION_ENABLED.of(verificationEnabled),
        CaseVariables.FIELD_STEP.of(fieldStepsEnabled && !type.fieldStepActivities().isEmpty()
            ? Activity.describe(type.fieldStepActivities()) : null));
    variables.putAll(OnlineEligibilityDecision.inputsFor(type));
    variables.putAll(RoutingDecision.inputsFor(type));
    return variables;
  }
}
