package org.caserouting.review;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.caserouting.cases.ApplicationRepository;
import org.caserouting.cases.CaseEventKind;
import org.caserouting.cases.CaseEvents;
import org.caserouting.catalog.AgencyRepository;
import org.caserouting.catalog.CaseType;
import org.caserouting.catalog.CaseTypeRepository;
import org.caserouting.platform.CalendarProperties;
import org.caserouting.platform.WorkingDayCalendar;
import org.caserouting.platform.DateTimeInput;
import org.caserouting.platform.Refusal;
import org.caserouting.platform.engine.WorkingDaysBusinessCalendar;
import org.caserouting.platform.engine.task.TaskOutcome;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The joint review (會辦) of one application: which agencies take part and why, and what each
 * answered. Business rules only; the process adapters call it.
 */
@Service
public class JointReview {

  /** An agency's own time to answer, and the end of the grace after it. */
  public record Opened(Date due, Date graceEnds) {}

  /** The opinions side by side for the lead: a line each, whether anyone objected, every condition. */
  public record Gathered(String summary, boolean hasObjection, String conditions) {}

  /** The agencies' answers to a proposed inspection: all attend, or who proposed what instead. */
  public record Tally(boolean agreed, String counterProposals) {}

  private final CoReviewRepository coReviews;
  private final AgencyRepository agencies;
  private final ApplicationRepository applications;
  private final CaseTypeRepository caseTypes;
  private final WorkingDaysBusinessCalendar dueDates;
  private final ZoneId zone;
  private final CaseEvents events;
  private final Clock clock;
  private final WorkingDayCalendar workingDays;

  JointReview(CoReviewRepository coReviews, AgencyRepository agencies, ApplicationRepository applications,
      CaseTypeRepository caseTypes, WorkingDaysBusinessCalendar dueDates, CalendarProperties calendar, CaseEvents events,
      Clock clock, WorkingDayCalendar workingDays) {
    this.workingDays = workingDays;
    this.coReviews = coReviews;
    this.agencies = agencies;
    this.applications = applications;
    this.caseTypes = caseTypes;
    this.dueDates = dueDates;
    this.zone = calendar.zone();
    this.events = events;
    this.clock = clock;
  }

  /** The case type's co-reviewers and those the decision table adds, the lead excepted. */
  @Transactional
  public List<String> prepare(String applicationNo, List<Map<String, Object>> ruleResults) {
    CaseType type = caseType(applicationNo);
    String lead = lead(applicationNo);
    for (String agency : type.getCoReviewAgencies()) {
      add(applicationNo, agency, CoReviewSource.CATALOG, null, lead);
    }
    for (Map<String, Object> rule : ruleResults) {
      add(applicationNo, (String) rule.get("agency"), CoReviewSource.RULE, (String) rule.get("reason"), lead);
    }
    return active(applicationNo);
  }

  /**
   * The lead clerk's changes before dispatch: agency codes to add and to remove, comma separated,
   * with the reason, which every change needs.
   */
  @Transactional
  public List<String> change(String applicationNo, String add, String remove, String reason) {
    String lead = lead(applicationNo);
    Set<String> added = codes(add);
    Set<String> removed = codes(remove);
    if (added.isEmpty() && removed.isEmpty()) {
      return active(applicationNo);
    }
    if (reason == null || reason.isBlank()) {
      throw new Refusal("增刪會辦機關須說明理由 Adding or removing a co-reviewing agency needs a reason.");
    }
    List<String> unknown = new ArrayList<>();
    for (String code : added) {
      if (!agencies.existsById(code) || code.equals(lead)) {
        unknown.add(code);
      }
    }
    if (!unknown.isEmpty()) {
      throw new Refusal("不能會辦的機關 Not agencies that can co-review: " + String.join(", ", unknown));
    }
    for (String code : added) {
      coReviews.findByApplicationNoAndAgency(applicationNo, code)
          .ifPresentOrElse(
              existing -> existing.restore(CoReviewSource.ADDED_BY_LEAD, reason),
              () -> coReviews.save(new CoReview(applicationNo, code, CoReviewSource.ADDED_BY_LEAD, reason)));
      events.record(applicationNo, CaseEventKind.CO_REVIEWER_ADDED, code, reason);
    }
    for (String code : removed) {
      CoReview existing =
          coReviews.findByApplicationNoAndAgency(applicationNo, code)
              .orElseThrow(() -> new Refusal(code + " 並非本案會辦機關 is not co-reviewing this case."));
      existing.remove(reason);
      events.record(applicationNo, CaseEventKind.CO_REVIEWER_REMOVED, code, reason);
    }
    List<String> active = active(applicationNo);
    if (active.isEmpty()) {
      throw new Refusal("會辦至少須有一個機關 A joint review needs at least one co-reviewing agency.");
    }
    return active;
  }

  /** An agency's part opens: its own due date in the type's working days, then its grace. */
  @Transactional
  public Opened open(String applicationNo, String agency) {
    CaseType type = caseType(applicationNo);
    Date due =
        dueDates.resolveDuedate(WorkingDaysBusinessCalendar.workingDays(type.getCoReviewDays()), Date.from(now()));
    Date graceEnds =
        type.getCoReviewGraceDays() == 0
            ? due
            : dueDates.resolveDuedate(WorkingDaysBusinessCalendar.workingDays(type.getCoReviewGraceDays()), due);
    require(applicationNo, agency).open(due.toInstant(), now());
    return new Opened(due, graceEnds);
  }

  /** An agency's opinion: conditions with AGREE_WITH_CONDITIONS, a legal basis with OBJECT. */
  @Transactional
  public void answer(
      String applicationNo, String agency, String outcome, String opinion, String conditions, String legalBasis,
      String findings, String by) {
    if (TaskOutcome.AGREE_WITH_CONDITIONS.name().equals(outcome) && blank(conditions)) {
      throw new Refusal("附條件同意須寫明條件 Agreeing with conditions needs the conditions.");
    }
    if (TaskOutcome.OBJECT.name().equals(outcome) && blank(legalBasis)) {
      throw new Refusal("異議須寫明法令依據 An objection needs its legal basis.");
    }
    require(applicationNo, agency)
        .answer(outcome, opinion, blankToNull(conditions), blankToNull(legalBasis), blankToNull(findings), by, now(),
            workingDays);
  }

  /** The agency stayed silent past its due date and the grace after it. */
  @Transactional
  public void noResponse(String applicationNo, String agency) {
    require(applicationNo, agency).answer(CoReview.NO_RESPONSE, null, null, null, null, null, now(), workingDays);
    events.record(applicationNo, CaseEventKind.NO_RESPONSE, agency, null);
  }

  /**
   * The lead proposes (or, after the last round, fixes) the inspection's time and place: both
   * given, the time in the future. A fixed slot is recorded on the case.
   */
  @Transactional
  public Instant proposeInspection(String applicationNo, String at, String place, boolean fixing) {
    if (blank(place)) {
      throw new Refusal("會勘須有地點 The inspection needs a place.");
    }
    Instant when = dateTime(at, "inspectionAt");
    if (!when.isAfter(now())) {
      throw new Refusal("會勘時間須在未來 The inspection must be in the future.");
    }
    if (fixing) {
      events.record(applicationNo, CaseEventKind.INSPECTION_FIXED, lead(applicationNo), when + " " + place);
    }
    return when;
  }

  /** An agency's answer to the proposal: it attends, or proposes another time. */
  @Transactional
  public void answerInspection(String applicationNo, String agency, String answer, String proposedAt) {
    if (TaskOutcome.PROPOSE_OTHER.name().equals(answer)) {
      dateTime(proposedAt, "proposedAt");
    }
    require(applicationNo, agency).answerInspection(answer, blankToNull(proposedAt));
  }

  /** Whether every attending agency agreed to the proposal; if so, the slot is recorded on the case. */
  @Transactional
  public Tally tallyInspection(String applicationNo, String at, String place) {
    List<CoReview> others =
        of(applicationNo).stream()
            .filter(CoReview::isActive)
            .filter(c -> !TaskOutcome.ATTEND.name().equals(c.getInspectionAnswer()))
            .toList();
    if (others.isEmpty()) {
      events.record(applicationNo, CaseEventKind.INSPECTION_FIXED, lead(applicationNo), at + " " + place);
    }
    return new Tally(others.isEmpty(),
        others.stream().map(c -> c.getAgency() + ": " + c.getInspectionProposedAt()).collect(Collectors.joining("\n")));
  }

  /** The opinions of the agencies still taking part, for the lead's consolidation. */
  @Transactional(readOnly = true)
  public Gathered gather(String applicationNo) {
    List<CoReview> answers = of(applicationNo).stream().filter(CoReview::isActive).toList();
    return new Gathered(
        answers.stream().map(JointReview::line).collect(Collectors.joining("\n")),
        answers.stream().anyMatch(c -> TaskOutcome.OBJECT.name().equals(c.getOutcome())),
        answers.stream()
            .filter(c -> c.getConditions() != null)
            .map(c -> c.getAgency() + "：" + c.getConditions())
            .collect(Collectors.joining("\n")));
  }

  /** Approving over an objection needs a written answer to it. */
  public void checkConsolidation(boolean approving, boolean hasObjection, String objectionAnswer) {
    if (approving && hasObjection && blank(objectionAnswer)) {
      throw new Refusal("有機關表示異議：核准須寫明如何處理異議。"
          + " An agency objected: approving needs a written reason why the objection is overcome.");
    }
  }

  /** The lead's signed draft decides; an approval carries how an objection was overcome and every condition. */
  public Conclusion conclude(boolean approved, String opinion, boolean hasObjection, String objectionAnswer,
      String conditions) {
    String attached = draftConditions(approved, hasObjection, objectionAnswer, conditions);
    return Conclusion.of(approved, (opinion == null ? "" : opinion) + (attached == null ? "" : "\n" + attached));
  }

  /**
   * What an approval attaches to the lead's reasons: how an objection was overcome, and every
   * agency's conditions. The signers sign it, and the decision carries it word for word.
   */
  public String draftConditions(boolean approved, boolean hasObjection, String objectionAnswer, String conditions) {
    if (!approved) {
      return null;
    }
    StringBuilder attached = new StringBuilder();
    if (hasObjection && !blank(objectionAnswer)) {
      attached.append("異議之處理 How the objection is overcome：").append(objectionAnswer);
    }
    if (!blank(conditions)) {
      attached.append(attached.isEmpty() ? "" : "\n").append("附款 Conditions：\n").append(conditions);
    }
    return attached.isEmpty() ? null : attached.toString();
  }

  /** Who co-reviews and why, for the lead's forms. */
  @Transactional(readOnly = true)
  public String coReviewersText(String applicationNo) {
    return of(applicationNo).stream()
        .map(c -> c.getAgency() + " [" + c.getSource() + "]"
            + (c.getSourceReason() == null ? "" : " " + c.getSourceReason())
            + (c.getRemovedReason() == null ? "" : " — removed: " + c.getRemovedReason()))
        .collect(Collectors.joining("\n"));
  }

  @Transactional(readOnly = true)
  public List<CoReview> of(String applicationNo) {
    return coReviews.findByApplicationNoOrderById(applicationNo);
  }

  @Transactional(readOnly = true)
  public List<String> active(String applicationNo) {
    return of(applicationNo).stream().filter(CoReview::isActive).map(CoReview::getAgency).toList();
  }

  private void add(String applicationNo, String agency, CoReviewSource source, String reason, String lead) {
    if (agency != null && !agency.equals(lead) && coReviews.findByApplicationNoAndAgency(applicationNo, agency).isEmpty()) {
      coReviews.save(new CoReview(applicationNo, agency, source, reason));
    }
  }

  private static String line(CoReview c) {
    StringBuilder line = new StringBuilder(c.getAgency()).append(" [").append(c.getSource()).append("] ");
    line.append(c.getOutcome() == null ? "—" : c.getOutcome());
    if (c.getOpinion() != null) {
      line.append("：").append(c.getOpinion());
    }
    if (c.getConditions() != null) {
      line.append("；附款 conditions：").append(c.getConditions());
    }
    if (c.getLegalBasis() != null) {
      line.append("；依據 legal basis：").append(c.getLegalBasis());
    }
    if (c.getFindings() != null) {
      line.append("；會勘所見 findings：").append(c.getFindings());
    }
    return line.toString();
  }

  /** A date and time as a clerk types it, with or without its offset (then the city's time). */
  private Instant dateTime(String text, String field) {
    return DateTimeInput.parse(text, field, zone);
  }


  /** The case's type and its lead, as the application records them. */
  private CaseType caseType(String applicationNo) {
    String code = applications.require(applicationNo).getCaseTypeCode();
    return caseTypes.findById(code).orElseThrow(() -> new IllegalStateException("Unknown case type " + code));
  }

  private String lead(String applicationNo) {
    return applications.require(applicationNo).getReceivingAgency();
  }

  private CoReview require(String applicationNo, String agency) {
    return coReviews.findByApplicationNoAndAgency(applicationNo, agency)
        .orElseThrow(() -> new IllegalStateException(agency + " is not co-reviewing " + applicationNo));
  }

  private static Set<String> codes(String list) {
    if (list == null || list.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(list.split("[,\\s]+"))
        .map(String::strip)
        .filter(code -> !code.isEmpty())
        .map(code -> code.toUpperCase(java.util.Locale.ROOT))
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private Instant now() {
    return clock.instant();
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static String blankToNull(String value) {
    return blank(value) ? null : value.strip();
  }
}
