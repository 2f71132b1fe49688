package org.caserouting.changes;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.caserouting.cases.ApplicationNumbers;
import org.caserouting.cases.Caller;
import org.caserouting.catalog.Agency;
import org.caserouting.catalog.Catalog;
import org.caserouting.catalog.District;
import org.caserouting.platform.AgencyGroups;
import org.caserouting.platform.IdempotentSubmission;
import org.caserouting.platform.IdempotentSubmission.Result;
import org.caserouting.platform.InvalidField;
import org.caserouting.platform.Variable;
import org.caserouting.platform.WorkingDayCalendar;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * N-in-1 (N合一): a change reported at one counter is passed to every agency it concerns that the
 * citizen consented to, automatically where the agency takes updates through the gateway
 * ({@link ChangeGateway}) and as a task for its clerks otherwise; the citizen is told when all
 * have answered ({@link ChangeMessages}). This is the change's record: reported, told, answered.
 */
@Service
public class ChangeReporting {

  /** The two letters of a change number: 2026-CN-000001. */
  static final String NUMBER_CODE = "CN";

  private final ChangeReportRepository reports;
  private final ChangeNoticeRepository notices;
  private final Catalog catalog;
  private final DecisionService decisions;
  private final RuntimeService runtime;
  private final ApplicationNumbers numbers;
  private final WorkingDayCalendar calendar;
  private final ChangeProperties properties;
  private final ChangeMessages messages;
  private final Clock clock;
  private final TransactionTemplate transaction;
  private final IdempotentSubmission<ChangeView> submissions;

  ChangeReporting(
      ChangeReportRepository reports,
      ChangeNoticeRepository notices,
      Catalog catalog,
      DecisionService decisions,
      RuntimeService runtime,
      ApplicationNumbers numbers,
      WorkingDayCalendar calendar,
      ChangeProperties properties,
      ChangeMessages messages,
      Clock clock,
      PlatformTransactionManager transactions) {
    this.reports = reports;
    this.notices = notices;
    this.catalog = catalog;
    this.decisions = decisions;
    this.runtime = runtime;
    this.numbers = numbers;
    this.calendar = calendar;
    this.properties = properties;
    this.messages = messages;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
    this.submissions = new IdempotentSubmission<>("changeNo", key -> reports.findByIdempotencyKey(key)
        .map(first -> new IdempotentSubmission.First<>(first.getReportedBy(), first.getRequestHash(), first.getChangeNo(),
            view(first))));
  }

  /** Reports the change once per Idempotency-Key; a resend gets the first answer back. */
  public Result<ChangeView> report(ReportChangeRequest request, String idempotencyKey, Caller caller) {
    return submissions.submit(idempotencyKey, request, caller.userId(), hash -> accept(request, idempotencyKey, hash, caller));
  }

  private Result<ChangeView> accept(ReportChangeRequest request, String idempotencyKey, String hash, Caller caller) {
    if (catalog.agency(request.receivingAgency()).isEmpty()) {
      throw new ChangeProblems.InvalidChange(List.of(new InvalidField("receivingAgency", "is not a known agency")));
    }
    if (!caller.groups().contains(AgencyGroups.groupId(request.receivingAgency(), AgencyGroups.Role.CLERK))) {
      throw new ChangeProblems.NotAtThisCounter(caller.userId(), request.receivingAgency());
    }
    Map<String, String> concerned = concernedAgencies(request.changeType(), request.district());
    List<InvalidField> errors = new ArrayList<>();
    for (int i = 0; i < request.consentedAgencies().size(); i++) {
      String agency = request.consentedAgencies().get(i);
      if (!concerned.containsKey(agency)) {
        errors.add(new InvalidField("consentedAgencies[" + i + "]",
            "is not an agency a " + request.changeType() + " change concerns; those are " + String.join(", ", concerned.keySet())));
      }
    }
    if (!errors.isEmpty()) {
      throw new ChangeProblems.InvalidChange(errors);
    }

    Instant now = clock.instant();
    String changeNo = numbers.next(calendar.dateOf(now).getYear(), NUMBER_CODE);
    ChangeView reported = transaction.execute(status -> {
      ChangeReport report =
          reports.saveAndFlush(new ChangeReport(changeNo, request, caller.userId(), now, idempotencyKey, hash));
      List<String> told = new ArrayList<>();
      concerned.forEach((agency, record) -> {
        boolean consented = request.consentedAgencies().contains(agency);
        notices.save(new ChangeNotice(changeNo, agency, record, consented,
            properties.automatic(agency) ? Notice.Channel.AUTOMATIC : Notice.Channel.TASK));
        if (consented) {
          told.add(agency);
        }
      });
      notices.flush();
      VariableMap variables = Variable.values(
          ChangeNotificationProcess.Variables.CHANGE_NO.of(changeNo),
          ChangeNotificationProcess.Variables.CHANGE_TYPE.of(request.changeType().name()),
          ChangeNotificationProcess.Variables.SUBJECT_NAME.of(request.subject().name()),
          ChangeNotificationProcess.Variables.SUBJECT_NATIONAL_ID.of(request.subject().nationalId()),
          ChangeNotificationProcess.Variables.DETAILS.of(request.details()),
          ChangeNotificationProcess.Variables.RECEIVING_AGENCY.of(request.receivingAgency()),
          ChangeNotificationProcess.Variables.NOTICE_AGENCIES.of(told));
      report.attachProcess(runtime.startProcessInstanceByKey(ChangeNotificationProcess.KEY, changeNo, variables).getId());
      ChangeView view = view(report);
      messages.received(report, view);
      return view;
    });
    return new Result<>(reported, changeNo, false);
  }

  /** Agency code to the record it keeps, in the order of dmn/change-propagation.dmn. */
  private Map<String, String> concernedAgencies(ChangeType type, District district) {
    Map<String, String> agencies = new LinkedHashMap<>();
    VariableMap inputs = Variable.values(ChangeNotificationProcess.Variables.CHANGE_TYPE.of(type.name()))
        .putValue(ChangeNotificationProcess.DECISION_DISTRICT, district.name());
    decisions.evaluateDecisionByKey(ChangeNotificationProcess.DECISION)
        .variables(inputs)
        .evaluate()
        .getResultList()
        .forEach(row -> agencies.putIfAbsent((String) row.get("agency"), (String) row.get("record")));
    return agencies;
  }

  @Transactional(readOnly = true)
  public ChangeView find(String changeNo) {
    return view(report(changeNo));
  }

  /** The change, for the portal and for staff of the counter or of an agency told; 403 for others. */
  @Transactional(readOnly = true)
  public ChangeView findFor(String changeNo, Caller caller) {
    ChangeView change = view(report(changeNo));
    List<String> agencies = new ArrayList<>();
    agencies.add(change.receivingAgency());
    change.notices().forEach(notice -> agencies.add(notice.agency()));
    boolean concerned = caller.groups().contains(AgencyGroups.PORTAL)
        || caller.groups().stream().map(AgencyGroups::parse).flatMap(Optional::stream)
            .anyMatch(role -> agencies.contains(role.agencyCode()));
    if (!concerned) {
      throw new ChangeProblems.NotYourChange(changeNo);
    }
    return change;
  }

  /** A reported change, for the citizen's page (ChangeTrackPage), which checks who asks. */
  @Transactional(readOnly = true)
  public Optional<ChangeReport> findReport(String changeNo) {
    return reports.findByChangeNo(changeNo);
  }

  /** What the citizen sees of a change: each agency told and its answer. */
  @Transactional(readOnly = true)
  public ChangeView viewForCitizen(ChangeReport report) {
    return view(report);
  }

  @Transactional
  void open(String changeNo, String agency, Instant due) {
    notice(changeNo, agency).dueAt(due);
  }

  @Transactional
  void answer(String changeNo, String agency, Notice.Status answer, String reason, String by) {
    notice(changeNo, agency).answer(answer, reason, by, clock.instant());
  }

  @Transactional
  void toTask(String changeNo, String agency) {
    notice(changeNo, agency).toTask();
  }

  /** Every agency told has answered: the change is done, and the citizen is told each answer. */
  @Transactional
  void conclude(String changeNo) {
    ChangeReport report = report(changeNo);
    report.complete(clock.instant());
    messages.concluded(report, notices.findByChangeNoOrderById(changeNo));
  }

  ChangeReport report(String changeNo) {
    return reports.findByChangeNo(changeNo).orElseThrow(() -> new ChangeProblems.ChangeNotFound(changeNo));
  }

  private ChangeNotice notice(String changeNo, String agency) {
    return notices.findByChangeNoAndAgency(changeNo, agency)
        .orElseThrow(() -> new IllegalStateException("No notice of " + changeNo + " for " + agency));
  }

  private ChangeView view(ChangeReport report) {
    List<ChangeView.AgencyNotice> told = new ArrayList<>();
    List<ChangeView.AgencyNotice> yourself = new ArrayList<>();
    for (ChangeNotice notice : notices.findByChangeNoOrderById(report.getChangeNo())) {
      Agency agency = catalog.agency(notice.getAgency()).orElse(null);
      ChangeView.AgencyNotice line = new ChangeView.AgencyNotice(notice.getAgency(),
          agency == null ? null : agency.getNameZh(), agency == null ? null : agency.getNameEn(),
          notice.getRecord(), notice.getChannel(), notice.getStatus(), notice.getReason(), notice.getDueAt(),
          notice.getAnsweredAt());
      (notice.isConsented() ? told : yourself).add(line);
    }
    return new ChangeView(report.getChangeNo(), report.getChangeType(), report.getStatus(), report.getReceivingAgency(),
        report.getReportedAt(), report.getCompletedAt(), told, yourself);
  }
}
