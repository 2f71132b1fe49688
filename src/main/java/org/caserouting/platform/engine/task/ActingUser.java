package org.caserouting.platform.engine.task;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/** Who is acting on a task: the signed-in user of the call, or else the task's assignee. */
public final class ActingUser {

  private ActingUser() {}

  public static Optional<String> of(DelegateTask task) {
    CommandContext context = Context.getCommandContext();
    String authenticated = context == null ? null : context.getAuthenticatedUserId();
    return Optional.ofNullable(authenticated != null ? authenticated : task.getAssignee());
  }
}
