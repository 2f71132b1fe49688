package org.caserouting.platform.engine.task;

import org.caserouting.platform.Variable;

/**
 * The contract every user task completes with: an {@code outcome} and an {@code opinion}. Which
 * outcomes a task offers is declared in its model (extension property {@code outcomes}).
 */
public enum TaskOutcome {
  // Reviews and sign-offs
  APPROVE,
  RETURN,
  REJECT,
  // A co-reviewing agency's opinion (會辦意見)
  AGREE,
  AGREE_WITH_CONDITIONS,
  OBJECT,
  // An answer to a proposed joint site inspection (聯合會勘)
  ATTEND,
  PROPOSE_OTHER,
  // An agency's answer to a reported change (N合一); it refuses with REJECT and says why
  UPDATED;

  /** Outcomes that must say why, in {@link #OPINION}. */
  public static final java.util.Set<String> NEED_REASONS = java.util.Set.of("RETURN", "REJECT", "OBJECT");

  /** The outcome the task is being completed with. */
  public static final Variable<String> OUTCOME = Variable.text("outcome");

  /** The clerk's or signer's opinion (reasons, conditions) the task is being completed with. */
  public static final Variable<String> OPINION = Variable.text("opinion");

  /** The user task's extension property listing the outcomes it allows, comma separated. */
  public static final String ALLOWED_OUTCOMES_PROPERTY = "outcomes";

  /** Where a task's outcome is kept after the next task has reused {@link #OUTCOME}. */
  public static Variable<String> outcomeOf(String taskDefinitionKey) {
    return Variable.text(taskDefinitionKey + "Outcome");
  }

  /** Who completed a task (the signed-in user, else the assignee), kept under the task's name. */
  public static Variable<String> completedByOf(String taskDefinitionKey) {
    return Variable.text(taskDefinitionKey + "By");
  }

  /** Where a task's opinion is kept after the next task has reused {@link #OPINION}. */
  public static Variable<String> opinionOf(String taskDefinitionKey) {
    return Variable.text(taskDefinitionKey + "Opinion");
  }

  /** Whether this outcome, as a variable holds it, is this one. */
  public boolean is(String outcome) {
    return name().equals(outcome);
  }
}
