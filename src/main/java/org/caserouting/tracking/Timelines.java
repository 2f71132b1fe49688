package org.caserouting.tracking;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.caserouting.assistance.CaseMeansTest;
import org.caserouting.cases.Application;
import org.caserouting.cases.ApplicationRepository;
import org.caserouting.cases.ApplicationViews;
import org.caserouting.cases.CaseEvent;
import org.caserouting.cases.CaseEventKind;
import org.caserouting.cases.CaseEventRepository;
import org.caserouting.cases.CaseFileReads;
import org.caserouting.cases.CurrentStages;
import org.caserouting.catalog.CaseType;
import org.caserouting.catalog.CaseTypeRepository;
import org.caserouting.catalog.Catalog;
import org.caserouting.catalog.RequiredDocument;
import org.caserouting.documents.ApplicationFiles;
import org.caserouting.letters.DecisionLetters;
import org.caserouting.mail.Notification;
import org.caserouting.mail.NotificationRepository;
import org.caserouting.platform.AgencyGroups;
import org.caserouting.platform.CalendarProperties;
import org.caserouting.receipts.Receipts;
import org.caserouting.supplementation.SupplementRequest;
import org.caserouting.supplementation.Supplementation;
import org.caserouting.tracking.LookupGuard.Lookup;
import org.caserouting.verification.EvidenceLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The applicant's view of an application, given its number and the last four characters of the
 * applicant's national ID. A wrong number and a wrong ID answer the same: nothing.
 */
@Service
public class Timelines {

  /** Case events an applicant reads; reminders, escalations and silences are the agencies' business. */
  private static final Set<CaseEventKind> SHOWN = Set.of(
      CaseEventKind.FORWARDED,
      CaseEventKind.RETURNED_TO_LOWER_AGENCY,
      CaseEventKind.SUPPLEMENT_RECEIVED,
      CaseEventKind.WITHDRAWN_NO_SUPPLEMENT,
      CaseEventKind.CO_REVIEWER_ADDED,
      CaseEventKind.INSPECTION_FIXED,
      CaseEventKind.FIELD_STEP_ARRANGED,
      CaseEventKind.FIELD_STEP_DONE,
      CaseEventKind.FIELD_STEP_MISSED,
      CaseEventKind.MIGRATED);

  /** Of those, the ones whose detail is written for the applicant (what is missing, when the visit is). */
  private static final Set<CaseEventKind> DETAIL_SHOWN =
      Set.of(CaseEventKind.INSPECTION_FIXED, CaseEventKind.FIELD_STEP_ARRANGED);

  private final ApplicationRepository applications;
  private final CaseEventRepository events;
  private final NotificationRepository notifications;
  private final CurrentStages stages;
  private final ApplicationViews views;
  private final Supplementation supplementation;
  private final Receipts receipts;
  private final EvidenceLog evidence;
  private final CaseFileReads reads;
  private final Catalog catalog;
  private final CaseTypeRepository caseTypes;
  private final ZoneId zone;
  private final CaseMeansTest meansTest;
  private final LookupGuard guard;
  private final DecisionLetters letters;

  Timelines(ApplicationRepository applications, CaseEventRepository events, NotificationRepository notifications,
      CurrentStages stages, ApplicationViews views,
      Supplementation supplementation, Receipts receipts, EvidenceLog evidence, Catalog catalog,
      CaseTypeRepository caseTypes, CalendarProperties calendar, LookupGuard guard, CaseFileReads reads,
      DecisionLetters letters, CaseMeansTest meansTest) {
    this.meansTest = meansTest;
    this.guard = guard;
    this.letters = letters;
    this.reads = reads;
    this.applications = applications;
    this.events = events;
    this.notifications = notifications;
    this.stages = stages;
    this.views = views;
    this.supplementation = supplementation;
    this.receipts = receipts;
    this.evidence = evidence;
    this.catalog = catalog;
    this.caseTypes = caseTypes;
    this.zone = calendar.zone();
  }

  /**
   * The timeline, if the number exists and the ID suffix is the applicant's; nothing otherwise,
   * the same for both; or a wait, when the number has had too many wrong suffixes.
   */
  @Transactional(readOnly = true)
  public Lookup<Timeline> find(String applicationNo, String nationalIdSuffix) {
    if (applicationNo == null || nationalIdSuffix == null || nationalIdSuffix.strip().length() != 4) {
      return new Lookup.NotFound<>();
    }
    String no = applicationNo.strip();
    String suffix = nationalIdSuffix.strip().toUpperCase(Locale.ROOT);
    Lookup<Application> lookup = guard.lookUp(no, applications.findByApplicationNo(no),
        application -> application.getApplicantNationalId().toUpperCase(Locale.ROOT).endsWith(suffix));
    return lookup.map(this::timeline);
  }

  /** The timeline through the applicant's own link: no suffix, no wait. */
  @Transactional(readOnly = true)
  public Optional<Timeline> of(String applicationNo) {
    return applications.findByApplicationNo(applicationNo).map(this::timeline);
  }

  private Timeline timeline(Application application) {
    String no = application.getApplicationNo();
    // Only the type's names: the catalog view would evaluate the decision tables on every look-up.
    CaseType type = caseTypes.findById(application.getCaseTypeCode()).orElseThrow();
    List<Timeline.Step> steps = new ArrayList<>();
    steps.add(new Timeline.Step(application.getSubmittedAt(), "SUBMITTED", agency(application.getReceivingAgency()), null, null));
    for (SupplementRequest request : supplementation.of(no)) {
      steps.add(new Timeline.Step(request.getRequestedAt(), "SUPPLEMENT_REQUESTED", agency(request.getAgency()),
          request.getMissing(), request.getDeadline().atZone(zone).toOffsetDateTime()));
    }
    for (CaseEvent event : events.findByApplicationNoOrderByOccurredAtAscIdAsc(no)) {
      if (SHOWN.contains(event.getKind())) {
        steps.add(new Timeline.Step(event.getOccurredAt(), event.getKind().name(), agency(event.getAgency()),
            DETAIL_SHOWN.contains(event.getKind()) ? event.getDetail() : null, null));
      }
    }
    for (Notification mail : notifications.findByApplicationNoOrderByCreatedAtAscIdAsc(no)) {
      if (mail.getSentAt() != null && !mail.getKind().toStaff()) {
        steps.add(new Timeline.Step(mail.getSentAt(), "MAIL_" + mail.getKind().name(), null, null, null));
      }
    }
    if (application.getDecidedAt() != null) {
      steps.add(new Timeline.Step(application.getDecidedAt(), "DECIDED", null, null, null));
    }
    steps.sort(Comparator.comparing(Timeline.Step::at));

    List<Timeline.Waiting> waiting = stages.of(no).stream()
        .map(stage -> new Timeline.Waiting(agency(stage.agency()), role(stage.role()), stage.dueDate()))
        .distinct()
        .toList();
    Timeline.Outcome decision = application.getDecision() == null ? null
        : new Timeline.Outcome(application.getDecision().name(), application.getDecisionReason(), application.getDecidedAt(),
            letters.of(no).map(ApplicationFiles.StoredFile::sha256).orElse(null));
    Timeline.Receipt receipt = receipts.latest(no)
        .map(r -> new Timeline.Receipt(r.getKind().name(), r.getIssuedAt(), r.getJws()))
        .orElse(null);
    List<Timeline.DataAccess> dataAccess = evidence.of(no).stream()
        .map(e -> new Timeline.DataAccess(e.getOccurredAt(), agency(e.getRequestingAgency()), agency(e.getSourceAgency()),
            e.getService(), e.getPurpose(), e.getFields(), e.getOutcome().name()))
        .toList();
    List<Timeline.Awaited> awaited = views.waitingFor(no).stream()
        .map(wait -> new Timeline.Awaited(wait.kind().name(), agency(wait.agency()), wait.at(), wait.place(), wait.detail()))
        .toList();
    Map<String, RequiredDocument> documents = type.getRequiredDocuments().stream()
        .collect(Collectors.toMap(RequiredDocument::getCode, document -> document, (a, b) -> a));
    List<Timeline.OfficialRead> officialReads = reads.of(no).stream()
        .map(read -> {
          var role = read.agencyRole();
          RequiredDocument document = read.documentCode() == null ? null : documents.get(read.documentCode());
          boolean letter = ApplicationFiles.DECISION_LETTER.equals(read.documentCode());
          return new Timeline.OfficialRead(read.at(), role.map(r -> agency(r.agencyCode())).orElse(null),
              role.map(r -> r.role().name()).orElse(null), read.what().name(),
              letter ? ApplicationFiles.DECISION_LETTER_ZH : document == null ? null : document.getNameZh(),
              letter ? ApplicationFiles.DECISION_LETTER_EN : document == null ? null : document.getNameEn());
        })
        .toList();
    return new Timeline(no, type.getNameZh(), type.getNameEn(), application.getStatus().name(), application.getDueDate(),
        steps, waiting, awaited, decision, receipt, dataAccess, officialReads, reckoning(no));
  }

  /** The means test as the applicant sees it, for a type with one. */
  private CaseMeansTest.View reckoning(String no) {
    return meansTest.view(no).map(CaseMeansTest::forApplicant).orElse(null);
  }

  /** CLERK, CHIEF or DIRECTOR, from the role's English name that a stage carries. */
  private static String role(String nameEn) {
    for (AgencyGroups.Role role : AgencyGroups.Role.values()) {
      if (role.nameEn().equals(nameEn)) {
        return role.name();
      }
    }
    return null;
  }

  private Timeline.Agency agency(String code) {
    if (code == null) {
      return null;
    }
    return catalog.agency(code)
        .map(a -> new Timeline.Agency(code, a.getNameZh(), a.getNameEn()))
        .orElse(new Timeline.Agency(code, code, code));
  }
}
