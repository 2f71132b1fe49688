package org.caserouting.platform.engine.task;

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

  /** Process variable holding the outcome a task was completed with. */
  public static final String OUTCOME = "outcome";

  /** Process variable holding the clerk's or signer's opinion (reasons, conditions). */
  public static final String OPINION = "opinion";

  /** The user task's extension property listing the outcomes it allows, comma separated. */
  public static final String ALLOWED_OUTCOMES_PROPERTY = "outcomes";

  /** Where a task's outcome is kept after the next task has reused {@link #OUTCOME}. */
  public static String outcomeOf(String taskDefinitionKey) {
    return taskDefinitionKey + "Outcome";
  }

  /** Who completed a task (the signed-in user, else the assignee), kept under the task's name. */
  public static String completedByOf(String taskDefinitionKey) {
    return taskDefinitionKey + "By";
  }

  /** Where a task's opinion is kept after the next task has reused {@link #OPINION}. */
  public static String opinionOf(String taskDefinitionKey) {
    return taskDefinitionKey + "Opinion";
  }
}
