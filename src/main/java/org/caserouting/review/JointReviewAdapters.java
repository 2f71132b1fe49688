package org.caserouting.review;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.caserouting.cases.ApplicationRepository;
import org.caserouting.cases.CaseEventKind;
import org.caserouting.cases.CaseEvents;
import org.caserouting.cases.CaseVariables;
import org.caserouting.cases.Decision;
import org.caserouting.catalog.CaseType;
import org.caserouting.catalog.CaseTypeRepository;
import org.caserouting.platform.AgencyGroups;
import org.caserouting.platform.CalendarProperties;
import org.caserouting.platform.engine.WorkingDaysBusinessCalendar;
import org.caserouting.platform.engine.task.ActingUser;
import org.caserouting.platform.engine.task.TaskOutcome;
import org.caserouting.review.JointReviewProcess.Elements;
import org.caserouting.review.JointReviewProcess.Variables;
import org.caserouting.signoff.DecisionKind;
import org.caserouting.signoff.SignOffChain;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The joint review's service tasks and task listeners: thin adapters onto {@link JointReview}. */
@Configuration(proxyBeanMethods = false)
class JointReviewAdapters {

  private final JointReview jointReview;
  private final ApplicationRepository applications;
  private final CaseTypeRepository caseTypes;
  private final WorkingDaysBusinessCalendar dueDates;
  private final CalendarProperties calendar;
  private final Clock clock;

  JointReviewAdapters(
      JointReview jointReview,
      ApplicationRepository applications,
      CaseTypeRepository caseTypes,
      WorkingDaysBusinessCalendar dueDates,
      CalendarProperties calendar, Clock clock) {
    this.clock = clock;
    this.jointReview = jointReview;
    this.applications = applications;
    this.caseTypes = caseTypes;
    this.dueDates = dueDates;
    this.calendar = calendar;
  }

  @Bean
  JavaDelegate prepareJointReview() {
    return execution -> {
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> rules =
          (List<Map<String, Object>>) execution.getVariable("ruleCoReviewers");
      List<String> agencies =
          jointReview.prepare(execution.getProcessBusinessKey(), caseType(execution), lead(execution),
              rules == null ? List.of() : rules);
      publish(execution, agencies);
    };
  }

  /** The lead's completeness check: on APPROVE, its changes to the co-reviewers are applied. */
  @Bean
  TaskListener leadCoReviewChanges() {
    return task -> {
      if (!TaskOutcome.APPROVE.name().equals(task.getVariable(TaskOutcome.OUTCOME))) {
        return;
      }
      List<String> agencies =
          jointReview.change(
              task.getExecution().getProcessBusinessKey(),
              lead(task.getExecution()),
              (String) task.getVariable(Variables.ADD_AGENCIES),
              (String) task.getVariable(Variables.REMOVE_AGENCIES),
              (String) task.getVariable(Variables.CHANGE_REASON));
      publish(task.getExecution(), agencies);
    };
  }

  @Bean
  JavaDelegate openCoReview() {
    return execution -> {
      CaseType type = caseType(execution);
      Date due =
          dueDates.resolveDuedate(WorkingDaysBusinessCalendar.workingDays(type.getCoReviewDays()), Date.from(clock.instant()));
      Date graceEnds =
          type.getCoReviewGraceDays() == 0
              ? due
              : dueDates.resolveDuedate(WorkingDaysBusinessCalendar.workingDays(type.getCoReviewGraceDays()), due);
      execution.setVariableLocal(Variables.CO_REVIEW_DUE, due);
      execution.setVariableLocal(Variables.CO_REVIEW_GRACE_ENDS, graceEnds);
      jointReview.open(execution.getProcessBusinessKey(), agency(execution), due.toInstant());
    };
  }

  @Bean
  TaskListener coReviewAnswer() {
    return task ->
        jointReview.answer(
            task.getExecution().getProcessBusinessKey(),
            AgencyGroups.offeredTo(task).agencyCode(),
            (String) task.getVariable(TaskOutcome.OUTCOME),
            (String) task.getVariable(TaskOutcome.OPINION),
            (String) task.getVariable(Variables.CONDITIONS),
            (String) task.getVariable(Variables.LEGAL_BASIS),
            (String) task.getVariable(Variables.FINDINGS),
            ActingUser.of(task).orElse(null));
  }

  @Bean
  JavaDelegate recordNoResponse() {
    return execution -> jointReview.noResponse(execution.getProcessBusinessKey(), agency(execution));
  }

  /** The lead's proposal (or, after the last round, fixing) of the inspection's time and place. */
  @Bean
  TaskListener inspectionProposal(CaseEvents events) {
    return task -> {
      String place = (String) task.getVariable(Variables.INSPECTION_PLACE);
      if (place == null || place.isBlank()) {
        throw new BadUserRequestException("The inspection needs a place.");
      }
      Instant at = parse((String) task.getVariable(Variables.INSPECTION_AT), Variables.INSPECTION_AT);
      if (!at.isAfter(clock.instant())) {
        throw new BadUserRequestException("The inspection must be in the future.");
      }
      task.getExecution().setVariable(Variables.INSPECTION_DATE, Date.from(at));
      if (Elements.FIX_INSPECTION.equals(task.getTaskDefinitionKey())) {
        events.record(task.getExecution().getProcessBusinessKey(), CaseEventKind.INSPECTION_FIXED, lead(task.getExecution()),
            at + " " + place);
      } else {
        Object round = task.getVariable(Variables.INSPECTION_ROUND);
        task.getExecution().setVariable(Variables.INSPECTION_ROUND, round == null ? 1 : ((Number) round).intValue() + 1);
      }
    };
  }

  @Bean
  TaskListener inspectionAnswer() {
    return task -> {
      String answer = (String) task.getVariable(TaskOutcome.OUTCOME);
      String proposedAt = (String) task.getVariable(Variables.PROPOSED_AT);
      if (TaskOutcome.PROPOSE_OTHER.name().equals(answer)) {
        parse(proposedAt, Variables.PROPOSED_AT);
      }
      jointReview.answerInspection(
          task.getExecution().getProcessBusinessKey(), AgencyGroups.offeredTo(task).agencyCode(), answer, proposedAt);
    };
  }

  @Bean
  JavaDelegate tallyInspection(CaseEvents events) {
    return execution -> {
      List<CoReview> attending =
          jointReview.of(execution.getProcessBusinessKey()).stream().filter(CoReview::isActive).toList();
      List<CoReview> others =
          attending.stream().filter(c -> !TaskOutcome.ATTEND.name().equals(c.getInspectionAnswer())).toList();
      execution.setVariable(Variables.INSPECTION_AGREED, others.isEmpty());
      execution.setVariable(
          Variables.COUNTER_PROPOSALS,
          others.stream().map(c -> c.getAgency() + ": " + c.getInspectionProposedAt()).collect(Collectors.joining("\n")));
      if (others.isEmpty()) {
        events.record(execution.getProcessBusinessKey(), CaseEventKind.INSPECTION_FIXED, lead(execution),
            execution.getVariable(Variables.INSPECTION_AT) + " " + execution.getVariable(Variables.INSPECTION_PLACE));
      }
    };
  }

  /** An attending agency signs the minutes: a row in the application's sign-off chain. */
  @Bean
  TaskListener minutesSignature(SignOffChain chain) {
    return task -> {
      AgencyGroups.AgencyRole signing = AgencyGroups.offeredTo(task);
      String signer =
          ActingUser.of(task)
              .orElseThrow(() -> new BadUserRequestException("The minutes must be signed by a signed-in person; claim the task first."));
      chain.append(
          task.getExecution().getProcessBusinessKey(), 0, signing.agencyCode(), signing.role().name(), signer,
          DecisionKind.MINUTES, (String) task.getVariable(TaskOutcome.OUTCOME), (String) task.getVariable(TaskOutcome.OPINION));
    };
  }

  @Bean
  JavaDelegate gatherOpinions() {
    return execution -> {
      List<CoReview> answers =
          jointReview.of(execution.getProcessBusinessKey()).stream().filter(CoReview::isActive).toList();
      execution.setVariable(Variables.SUMMARY, answers.stream().map(this::line).collect(Collectors.joining("\n")));
      execution.setVariable(
          Variables.HAS_OBJECTION, answers.stream().anyMatch(c -> TaskOutcome.OBJECT.name().equals(c.getOutcome())));
      execution.setVariable(
          Variables.ALL_CONDITIONS,
          answers.stream()
              .filter(c -> c.getConditions() != null)
              .map(c -> c.getAgency() + "：" + c.getConditions())
              .collect(Collectors.joining("\n")));
    };
  }

  /** Approving over an objection needs a written answer to it. */
  @Bean
  TaskListener consolidationCheck() {
    return task -> {
      boolean approving = TaskOutcome.APPROVE.name().equals(task.getVariable(TaskOutcome.OUTCOME));
      Object answer = task.getVariable(Variables.OBJECTION_ANSWER);
      if (approving && Boolean.TRUE.equals(task.getVariable(Variables.HAS_OBJECTION))
          && (!(answer instanceof String text) || text.isBlank())) {
        throw new BadUserRequestException(
            "An agency objected: approving needs a written reason why the objection is overcome.");
      }
    };
  }

  @Bean
  JavaDelegate concludeJointReview() {
    return execution -> {
      boolean approved =
          TaskOutcome.APPROVE.name().equals(execution.getVariable(TaskOutcome.outcomeOf(Elements.CONSOLIDATE)));
      StringBuilder reason = new StringBuilder(text(execution.getVariable(TaskOutcome.opinionOf(Elements.CONSOLIDATE))));
      if (approved) {
        String answer = text(execution.getVariable(Variables.OBJECTION_ANSWER));
        if (Boolean.TRUE.equals(execution.getVariable(Variables.HAS_OBJECTION)) && !answer.isBlank()) {
          reason.append("\n異議之處理 How the objection is overcome：").append(answer);
        }
        String conditions = text(execution.getVariable(Variables.ALL_CONDITIONS));
        if (!conditions.isBlank()) {
          reason.append("\n附款 Conditions：\n").append(conditions);
        }
      }
      execution.setVariable(CaseVariables.DECISION, (approved ? Decision.APPROVED : Decision.REJECTED).name());
      execution.setVariable(CaseVariables.DECISION_REASON, reason.toString().strip());
    };
  }

  private String line(CoReview c) {
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

  private Instant parse(String text, String field) {
    if (text == null || text.isBlank()) {
      throw new BadUserRequestException(field + " is required (a date and time, e.g. 2026-12-01T10:00).");
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(text).atZone(calendar.zone()).toInstant();
      } catch (DateTimeParseException e) {
        throw new BadUserRequestException(field + " is not a date and time such as 2026-12-01T10:00: '" + text + "'");
      }
    }
  }

  private void publish(DelegateExecution execution, List<String> agencies) {
    execution.setVariable(Variables.CO_REVIEWERS, new java.util.ArrayList<>(agencies));
    execution.setVariable(
        Variables.CO_REVIEWERS_TEXT,
        jointReview.of(execution.getProcessBusinessKey()).stream()
            .map(c -> c.getAgency() + " [" + c.getSource() + "]"
                + (c.getSourceReason() == null ? "" : " " + c.getSourceReason())
                + (c.getRemovedReason() == null ? "" : " — removed: " + c.getRemovedReason()))
            .collect(Collectors.joining("\n")));
  }

  /** The case's type and its lead, as the application records them. */
  private CaseType caseType(DelegateExecution execution) {
    String code = applications.require(execution.getProcessBusinessKey()).getCaseTypeCode();
    return caseTypes.findById(code).orElseThrow(() -> new IllegalStateException("Unknown case type " + code));
  }

  private String lead(DelegateExecution execution) {
    return applications.require(execution.getProcessBusinessKey()).getReceivingAgency();
  }

  /** The agency of this part of the co-review: the element variable the engine set for it. */
  private static String agency(DelegateExecution execution) {
    return (String) execution.getVariable(Variables.CO_REVIEW_AGENCY);
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}
