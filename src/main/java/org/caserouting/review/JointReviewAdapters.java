package org.caserouting.review;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.caserouting.platform.AgencyGroups;
import org.caserouting.platform.engine.task.ActingUser;
import org.caserouting.platform.engine.task.TaskOutcome;
import org.caserouting.review.JointReviewProcess.Elements;
import org.caserouting.review.JointReviewProcess.Variables;
import org.caserouting.signoff.SignOffs;
import org.caserouting.signoff.SignedDraft;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The joint review's service tasks and task listeners: thin adapters onto {@link JointReview}. An
 * agency's answer is recorded as the agency's whose group the task was offered to.
 */
@Configuration(proxyBeanMethods = false)
class JointReviewAdapters {

  private final JointReview jointReview;

  JointReviewAdapters(JointReview jointReview) {
    this.jointReview = jointReview;
  }

  @Bean
  JavaDelegate prepareJointReview() {
    return execution -> {
      List<java.util.Map<String, Object>> rules = Variables.RULE_CO_REVIEWERS.from(execution);
      publish(execution, jointReview.prepare(execution.getProcessBusinessKey(), rules == null ? List.of() : rules));
    };
  }

  /** The lead's completeness check: on APPROVE, its changes to the co-reviewers are applied. */
  @Bean
  TaskListener leadCoReviewChanges() {
    return task -> {
      if (TaskOutcome.APPROVE.is(TaskOutcome.OUTCOME.from(task))) {
        publish(task.getExecution(),
            jointReview.change(task.getExecution().getProcessBusinessKey(), Variables.ADD_AGENCIES.from(task),
                Variables.REMOVE_AGENCIES.from(task), Variables.CHANGE_REASON.from(task)));
      }
    };
  }

  @Bean
  JavaDelegate openCoReview() {
    return execution -> {
      JointReview.Opened opened = jointReview.open(execution.getProcessBusinessKey(), agency(execution));
      Variables.CO_REVIEW_DUE.onLocal(execution, opened.due());
      Variables.CO_REVIEW_GRACE_ENDS.onLocal(execution, opened.graceEnds());
    };
  }

  @Bean
  TaskListener coReviewAnswer() {
    return task ->
        jointReview.answer(
            task.getExecution().getProcessBusinessKey(),
            AgencyGroups.offeredTo(task).agencyCode(),
            TaskOutcome.OUTCOME.from(task),
            TaskOutcome.OPINION.from(task),
            Variables.CONDITIONS.from(task),
            Variables.LEGAL_BASIS.from(task),
            Variables.FINDINGS.from(task),
            ActingUser.of(task).orElse(null));
  }

  @Bean
  JavaDelegate recordNoResponse() {
    return execution -> jointReview.noResponse(execution.getProcessBusinessKey(), agency(execution));
  }

  /** The lead's proposal (or, after the last round, fixing) of the inspection's time and place. */
  @Bean
  TaskListener inspectionProposal() {
    return task -> {
      boolean fixing = Elements.FIX_INSPECTION.equals(task.getTaskDefinitionKey());
      Date at = Date.from(jointReview.proposeInspection(task.getExecution().getProcessBusinessKey(),
          Variables.INSPECTION_AT.from(task), Variables.INSPECTION_PLACE.from(task), fixing));
      Variables.INSPECTION_DATE.on(task.getExecution(), at);
      if (!fixing) {
        Integer round = Variables.INSPECTION_ROUND.from(task);
        Variables.INSPECTION_ROUND.on(task.getExecution(), round == null ? 1 : round + 1);
      }
    };
  }

  @Bean
  TaskListener inspectionAnswer() {
    return task ->
        jointReview.answerInspection(task.getExecution().getProcessBusinessKey(), AgencyGroups.offeredTo(task).agencyCode(),
            TaskOutcome.OUTCOME.from(task), Variables.PROPOSED_AT.from(task));
  }

  @Bean
  JavaDelegate tallyInspection() {
    return execution -> {
      JointReview.Tally tally = jointReview.tallyInspection(execution.getProcessBusinessKey(),
          Variables.INSPECTION_AT.from(execution), Variables.INSPECTION_PLACE.from(execution));
      Variables.INSPECTION_AGREED.on(execution, tally.agreed());
      Variables.COUNTER_PROPOSALS.on(execution, tally.counterProposals());
    };
  }

  /** An attending agency's chief signs the minutes: a row in the application's sign-off chain. */
  @Bean
  TaskListener minutesSignature(SignOffs signOffs) {
    return task ->
        signOffs.sign(task.getExecution().getProcessBusinessKey(), 0, AgencyGroups.offeredTo(task),
            ActingUser.of(task).orElse(null), null, SignedDraft.minutes(Variables.MINUTES.from(task)),
            TaskOutcome.OUTCOME.from(task),
            TaskOutcome.OPINION.from(task));
  }

  @Bean
  JavaDelegate gatherOpinions() {
    return execution -> {
      JointReview.Gathered gathered = jointReview.gather(execution.getProcessBusinessKey());
      Variables.SUMMARY.on(execution, gathered.summary());
      Variables.HAS_OBJECTION.on(execution, gathered.hasObjection());
      Variables.ALL_CONDITIONS.on(execution, gathered.conditions());
    };
  }

  /** The lead's draft: checked, and what an approval attaches to it kept for the signers to sign. */
  @Bean
  TaskListener consolidationCheck() {
    return task -> {
      boolean approving = TaskOutcome.APPROVE.is(TaskOutcome.OUTCOME.from(task));
      boolean hasObjection = Boolean.TRUE.equals(Variables.HAS_OBJECTION.from(task));
      jointReview.checkConsolidation(approving, hasObjection, Variables.OBJECTION_ANSWER.from(task));
      Variables.DRAFT_CONDITIONS.on(task.getExecution(), jointReview.draftConditions(approving, hasObjection,
          Variables.OBJECTION_ANSWER.from(task), Variables.ALL_CONDITIONS.from(task)));
    };
  }

  @Bean
  JavaDelegate concludeJointReview() {
    return execution ->
        Conclusions.on(execution,
            jointReview.conclude(
                TaskOutcome.APPROVE.is(Variables.CONSOLIDATE_OUTCOME.from(execution)),
                Variables.CONSOLIDATE_OPINION.from(execution),
                Boolean.TRUE.equals(Variables.HAS_OBJECTION.from(execution)),
                Variables.OBJECTION_ANSWER.from(execution),
                Variables.ALL_CONDITIONS.from(execution)));
  }

  private void publish(DelegateExecution execution, List<String> agencies) {
    Variables.CO_REVIEWERS.on(execution, new ArrayList<>(agencies));
    Variables.CO_REVIEWERS_TEXT.on(execution, jointReview.coReviewersText(execution.getProcessBusinessKey()));
  }

  /** The agency of this part of the co-review: the element variable the engine set for it. */
  private static String agency(DelegateExecution execution) {
    return Variables.CO_REVIEW_AGENCY.required(execution);
  }
}
