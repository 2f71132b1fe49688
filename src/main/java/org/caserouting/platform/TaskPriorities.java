package org.caserouting.platform;

/**
 * What a task's priority says about its deadline, in Tasklist's sort and in the stored filters:
 * the engine creates tasks at {@link #NORMAL}; the deadline watch raises them.
 */
public final class TaskPriorities {

  /** The engine's default. */
  public static final int NORMAL = 50;

  /** Most of the task's time has passed (80%), and its holders have been reminded. */
  public static final int REMINDED = 75;

  /** Past its due date, and escalated to the holding agency's section chief. */
  public static final int OVERDUE = 100;

  private TaskPriorities() {}
}
