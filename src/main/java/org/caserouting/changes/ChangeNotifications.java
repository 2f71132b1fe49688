package org.caserouting.changes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.caserouting.cases.ApplicationNumbers;
import org.caserouting.cases.Caller;
import org.caserouting.catalog.Agency;
import org.caserouting.catalog.Catalog;
import org.caserouting.mail.NotificationKind;
import org.caserouting.mail.Notifications;
import org.caserouting.platform.AgencyGroups;
import org.caserouting.platform.IdempotentReplay;
import org.caserouting.platform.InvalidField;
import org.caserouting.platform.RequestHash;
import org.caserouting.platform.WorkingDayCalendar;
import org.caserouting.verification.AgencyUnavailableException;
import org.caserouting.verification.EvidenceLog;
import org.caserouting.verification.EvidenceOutcome;
import org.caserouting.verification.VerificationEvidence;
import org.caserouting.verification.VerificationProperties;
import org.caserouting.verification.XRoadClient;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * N-in-1 (N合一): a change reported at one counter is passed to every agency it concerns that the
 * citizen consented to, automatically where the agency takes updates through the gateway and as a
 * task for its clerks otherwise; the citizen is told when all have answered.
 */
@Service
public class ChangeNotifications {

  /** The two letters of a change number: 2026-CN-000001. */
  static final String NUMBER_CODE = "CN";
  static final String CHANGE_NOTICE_SERVICE = "change-notice";

  private final ChangeReportRepository reports;
  private final ChangeNoticeRepository notices;
  private final Catalog catalog;
  private final DecisionService decisions;
  private final RuntimeService runtime;
  private final ApplicationNumbers numbers;
  private final WorkingDayCalendar calendar;
  private final ChangeProperties properties;
  private final VerificationProperties gateway;
  private final XRoadClient xroad;
  private final EvidenceLog evidence;
  private final Notifications mail;
  private final Clock clock;
  private final TransactionTemplate transaction;
  private final ObjectMapper json = new ObjectMapper();

  ChangeNotifications(
      ChangeReportRepository reports,
      ChangeNoticeRepository notices,
      Catalog catalog,
      DecisionService decisions,
      RuntimeService runtime,
      ApplicationNumbers numbers,
      WorkingDayCalendar calendar,
      ChangeProperties properties,
      VerificationProperties gateway,
      XRoadClient xroad,
      EvidenceLog evidence,
      Notifications mail,
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
    this.gateway = gateway;
    this.xroad = xroad;
    this.evidence = evidence;
    this.mail = mail;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** The result of a report: the change, and whether it was one reported before under the same key. */
  public record Reported(ChangeView change, boolean replayed) {}

  public Reported report(ReportChangeRequest request, String idempotencyKey, Caller caller) {
    String hash = RequestHash.of(request);
    Optional<Reported> earlier = replay(idempotencyKey, hash, caller);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    if (catalog.agency(request.receivingAgency()).isEmpty()) {
      throw new ChangeProblems.InvalidChange(List.of(new InvalidField("receivingAgency", "is not a known agency")));
    }
    if (!caller.groups().contains(AgencyGroups.groupId(request.receivingAgency(), AgencyGroups.Role.CLERK))) {
      throw new ChangeProblems.NotAtThisCounter(caller.userId(), request.receivingAgency());
    }
    Map<String, String> concerned = concernedAgencies(request.changeType());
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
    try {
      return new Reported(transaction.execute(status -> {
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
        VariableMap variables = Variables.createVariables()
            .putValue(ChangeNotificationProcess.Variables.CHANGE_NO, changeNo)
            .putValue(ChangeNotificationProcess.Variables.CHANGE_TYPE, request.changeType().name())
            .putValue(ChangeNotificationProcess.Variables.SUBJECT_NAME, request.subject().name())
            .putValue(ChangeNotificationProcess.Variables.SUBJECT_NATIONAL_ID, request.subject().nationalId())
            .putValue(ChangeNotificationProcess.Variables.DETAILS, request.details())
            .putValue(ChangeNotificationProcess.Variables.RECEIVING_AGENCY, request.receivingAgency())
            .putValue(ChangeNotificationProcess.Variables.NOTICE_AGENCIES, told);
        report.attachProcess(runtime.startProcessInstanceByKey(ChangeNotificationProcess.KEY, changeNo, variables).getId());
        ChangeView view = view(report);
        mail.change(changeNo, NotificationKind.CHANGE_RECEIVED, report.getSubjectEmail(),
            "您申報的異動已受理，異動編號 " + changeNo + "。將通報：" + names(view.notices(), true)
                + (view.informYourself().isEmpty() ? "" : "；請您自行通知：" + names(view.informYourself(), true)) + "。",
            "Your change has been received as " + changeNo + ". We will tell: " + names(view.notices(), false)
                + (view.informYourself().isEmpty() ? "" : "; please tell yourself: " + names(view.informYourself(), false)) + ".");
        return view;
      }), false);
    } catch (DataIntegrityViolationException e) {
      // The same Idempotency-Key at the same moment: the other request made it.
      return replay(idempotencyKey, hash, caller).orElseThrow(() -> e);
    }
  }

  private Optional<Reported> replay(String idempotencyKey, String hash, Caller caller) {
    if (idempotencyKey == null) {
      return Optional.empty();
    }
    return reports.findByIdempotencyKey(idempotencyKey)
        .map(first -> {
          IdempotentReplay.require(idempotencyKey, first.getReportedBy(), first.getRequestHash(), caller.userId(), hash,
              "changeNo", first.getChangeNo());
          return new Reported(view(first), true);
        });
  }

  /** Agency code to the record it keeps, in the order of dmn/change-propagation.dmn. */
  private Map<String, String> concernedAgencies(ChangeType type) {
    Map<String, String> agencies = new LinkedHashMap<>();
    decisions.evaluateDecisionByKey(ChangeNotificationProcess.DECISION)
        .variables(Map.of(ChangeNotificationProcess.Variables.CHANGE_TYPE, type.name()))
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

  /**
   * The change sent to the agency's update service through the gateway, the exchange logged as
   * evidence like every query. Throws {@link AgencyUnavailableException} when the agency could not
   * take it; the job then retries, and after the last retry the agency's clerks take over.
   */
  public Notice.Status sendThroughGateway(String changeNo, String agency, String attemptKey) {
    ChangeReport report = report(changeNo);
    String service = properties.updateEndpoints().get(agency);
    VerificationProperties.Endpoint endpoint = gateway.endpoint(service);
    // The same message id for every retry of this step, so the agency can tell a resend.
    String xroadId = UUID.nameUUIDFromBytes(attemptKey.getBytes(StandardCharsets.UTF_8)).toString();
    Map<String, Object> body = new HashMap<>();
    body.put("changeNo", changeNo);
    body.put("changeType", report.getChangeType().name());
    body.put("details", report.getDetails());
    Instant at = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    String purpose = "N合一異動通報 Change notification, with consent";
    try {
      XRoadClient.Exchange exchange = xroad.post(service, CHANGE_NOTICE_SERVICE, report.getSubjectNationalId(),
          json.writeValueAsString(body), xroadId, report.getReportedBy(), changeNo);
      JsonNode answer = exchange.body();
      boolean updated = answer != null && "UPDATED".equals(answer.path("result").asText());
      evidence.append(new VerificationEvidence.Facts(changeNo, at, VerificationEvidence.CHANGE_NOTIFICATION_STEP, report.getReceivingAgency(),
          report.getReportedBy(), service, endpoint.agency(), purpose, "change:" + report.getChangeType(), xroadId,
          exchange.requestSha256(), exchange.responseSha256(), exchange.status(), exchange.durationMs(), EvidenceOutcome.ANSWERED));
      Notice.Status status = updated ? Notice.Status.UPDATED : Notice.Status.REJECTED;
      String reason = updated || answer == null ? null : answer.path("reason").asText(null);
      transaction.executeWithoutResult(tx -> notice(changeNo, agency).answer(status, reason, "X-Road " + xroadId, clock.instant()));
      return status;
    } catch (AgencyUnavailableException failed) {
      evidence.append(new VerificationEvidence.Facts(changeNo, at, VerificationEvidence.CHANGE_NOTIFICATION_STEP, report.getReceivingAgency(),
          report.getReportedBy(), service, endpoint.agency(), purpose, "change:" + report.getChangeType(), xroadId,
          null, null, null, null, EvidenceOutcome.FAILED));
      throw failed;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every agency told has answered: the change is done, and the citizen is told each answer. */
  @Transactional
  void conclude(String changeNo) {
    ChangeReport report = report(changeNo);
    report.complete(clock.instant());
    StringBuilder zh = new StringBuilder("您於 " + report.getReceivingAgency() + " 申報之異動 " + changeNo + " 已通報完成：");
    StringBuilder en = new StringBuilder("The change " + changeNo + " you reported has been passed on:");
    for (ChangeNotice notice : notices.findByChangeNoOrderById(changeNo)) {
      Agency agency = catalog.agency(notice.getAgency()).orElse(null);
      String nameZh = agency == null ? notice.getAgency() : agency.getNameZh();
      String nameEn = agency == null ? notice.getAgency() : agency.getNameEn();
      String reason = notice.getReason() == null ? "" : "（" + notice.getReason() + "）";
      switch (notice.getStatus()) {
        case UPDATED -> { zh.append("\n・").append(nameZh).append("：已更新"); en.append("\n- ").append(nameEn).append(": updated"); }
        case REJECTED -> { zh.append("\n・").append(nameZh).append("：未更新").append(reason);
          en.append("\n- ").append(nameEn).append(": not updated").append(notice.getReason() == null ? "" : " (" + notice.getReason() + ")"); }
        case NO_ANSWER -> { zh.append("\n・").append(nameZh).append("：逾期未回復，請逕洽該機關");
          en.append("\n- ").append(nameEn).append(": did not answer in time; please contact it"); }
        case NOT_CONSENTED -> { zh.append("\n・").append(nameZh).append("：未經您同意通報，請自行辦理");
          en.append("\n- ").append(nameEn).append(": not told without your consent; please inform it yourself"); }
        case WAITING -> { }
      }
    }
    mail.change(changeNo, NotificationKind.CHANGE_COMPLETED, report.getSubjectEmail(), zh.toString(), en.toString());
  }

  private static String names(List<ChangeView.AgencyNotice> notices, boolean zh) {
    if (notices.isEmpty()) {
      return zh ? "（無）" : "(none)";
    }
    return String.join(zh ? "、" : ", ", notices.stream().map(n -> zh ? n.agencyNameZh() : n.agencyNameEn()).toList());
  }

  private ChangeReport report(String changeNo) {
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
