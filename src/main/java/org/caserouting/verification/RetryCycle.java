package org.caserouting.verification;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.stereotype.Component;

/** The verification steps' retry cycle, for models: {@code ${verificationRetries.cycle}}. */
@Component("verificationRetries")
public class RetryCycle {

  private final VerificationProperties properties;

  RetryCycle(VerificationProperties properties) {
    this.properties = properties;
  }

  public String getCycle() {
    return properties.retryCycle();
  }

  /** Whether this is the job's last retry, or no job at all (the step ran without a save point). */
  public static boolean lastAttempt() {
    JobEntity job = Context.getCommandContext() == null ? null : Context.getCommandContext().getCurrentJob();
    return job == null || job.getRetries() <= 1;
  }
}
