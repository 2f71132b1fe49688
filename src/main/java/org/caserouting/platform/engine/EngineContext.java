package org.caserouting.platform.engine;

import java.util.Optional;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/** What a delegate may ask of the engine command it runs in. */
public final class EngineContext {

  private EngineContext() {}

  /** The signed-in user of the call the delegate runs in, if any (none for a job). */
  public static Optional<String> authenticatedUser() {
    CommandContext context = Context.getCommandContext();
    return Optional.ofNullable(context == null ? null : context.getAuthenticatedUserId());
  }

  /** Whether this is the job's last try, or no job at all (the step ran without a save point). */
  public static boolean lastAttempt() {
    JobEntity job = Context.getCommandContext() == null ? null : Context.getCommandContext().getCurrentJob();
    return job == null || job.getRetries() <= 1;
  }
}
