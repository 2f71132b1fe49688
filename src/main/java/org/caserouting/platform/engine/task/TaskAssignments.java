package org.caserouting.platform.engine.task;

import java.util.List;

/**
 * Where a task handed over by one person to another (分案) is recorded: the case's own record,
 * which implements this. A claim, where the person takes the task for themselves, is not an
 * assignment.
 */
public interface TaskAssignments {

  /**
   * @param applicationNo the case
   * @param taskName the task, as the clerks call it
   * @param candidateGroups the groups the task is offered to, which name its agency
   * @param by who assigned it
   * @param from who had it before, or null
   * @param to who has it now, or null when it was taken back to the agency's list
   */
  void assigned(String applicationNo, String taskName, List<String> candidateGroups, String by, String from, String to);
}
