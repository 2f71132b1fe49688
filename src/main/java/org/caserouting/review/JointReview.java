package org.caserouting.review;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.caserouting.cases.CaseEventKind;
import org.caserouting.cases.CaseEvents;
import org.caserouting.catalog.AgencyRepository;
import org.caserouting.catalog.CaseType;
import org.caserouting.platform.engine.task.TaskOutcome;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The joint review (會辦) of one application: which agencies take part and why, and what each
 * answered. Business rules only; the process adapters call it.
 */
@Service
public class JointReview {

  private final CoReviewRepository coReviews;
  private final AgencyRepository agencies;
  private final CaseEvents events;
  private final Clock clock;

  JointReview(CoReviewRepository coReviews, AgencyRepository agencies, CaseEvents events, Clock clock) {
    this.clock = clock;
    this.coReviews = coReviews;
    this.agencies = agencies;
    this.events = events;
  }

  /** The case type's co-reviewers and those the decision table adds, the lead excepted. */
  @Transactional
  public List<String> prepare(String applicationNo, CaseType type, String lead, List<Map<String, Object>> ruleResults) {
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
  public List<String> change(String applicationNo, String lead, String add, String remove, String reason) {
    Set<String> added = codes(add);
    Set<String> removed = codes(remove);
    if (added.isEmpty() && removed.isEmpty()) {
      return active(applicationNo);
    }
    if (reason == null || reason.isBlank()) {
      throw new BadUserRequestException("Adding or removing a co-reviewing agency needs a reason.");
    }
    List<String> unknown = new ArrayList<>();
    for (String code : added) {
      if (!agencies.existsById(code) || code.equals(lead)) {
        unknown.add(code);
      }
    }
    if (!unknown.isEmpty()) {
      throw new BadUserRequestException("Not agencies that can co-review: " + String.join(", ", unknown));
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
              .orElseThrow(() -> new BadUserRequestException("Agency " + code + " is not co-reviewing this case."));
      existing.remove(reason);
      events.record(applicationNo, CaseEventKind.CO_REVIEWER_REMOVED, code, reason);
    }
    List<String> active = active(applicationNo);
    if (active.isEmpty()) {
      throw new BadUserRequestException("A joint review needs at least one co-reviewing agency.");
    }
    return active;
  }

  @Transactional
  public void open(String applicationNo, String agency, Instant due) {
    require(applicationNo, agency).open(due);
  }

  /** An agency's opinion: conditions with AGREE_WITH_CONDITIONS, a legal basis with OBJECT. */
  @Transactional
  public void answer(
      String applicationNo, String agency, String outcome, String opinion, String conditions, String legalBasis,
      String findings, String by) {
    if (TaskOutcome.AGREE_WITH_CONDITIONS.name().equals(outcome) && blank(conditions)) {
      throw new BadUserRequestException("Agreeing with conditions needs the conditions.");
    }
    if (TaskOutcome.OBJECT.name().equals(outcome) && blank(legalBasis)) {
      throw new BadUserRequestException("An objection needs its legal basis.");
    }
    require(applicationNo, agency)
        .answer(outcome, opinion, blankToNull(conditions), blankToNull(legalBasis), blankToNull(findings), by, now());
  }

  /** The agency stayed silent past its due date and the grace after it. */
  @Transactional
  public void noResponse(String applicationNo, String agency) {
    require(applicationNo, agency).answer(CoReview.NO_RESPONSE, null, null, null, null, null, now());
    events.record(applicationNo, CaseEventKind.NO_RESPONSE, agency, null);
  }

  @Transactional
  public void answerInspection(String applicationNo, String agency, String answer, String proposedAt) {
    if (TaskOutcome.PROPOSE_OTHER.name().equals(answer) && blank(proposedAt)) {
      throw new BadUserRequestException("Proposing another time needs the time.");
    }
    require(applicationNo, agency).answerInspection(answer, blankToNull(proposedAt));
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
