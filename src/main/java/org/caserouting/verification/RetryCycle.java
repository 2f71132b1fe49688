package org.caserouting.verification;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.caserouting.platform.models.ModelHelper;
import org.springframework.stereotype.Component;

/** The verification steps' retry cycle, for models: {@code ${verificationRetries.cycle}}. */
@Component("verificationRetries")
@ModelHelper
public class RetryCycle {

  private final VerificationProperties properties;

  RetryCycle(VerificationProperties properties) {
    this.properties = properties;
  }

  @ModelHelper.Member
  public String getCycle() {
    return properties.retryCycle();
  }

  /** Whether this is the job's last retry, or no job at all (the step ran without a save point). */
  public static boolean lastAttempt() {
    JobEntity job = Context.getCommandContext() == null ? null : Context.getCommandContext().getCurrentJob();
    return job == null || job.getRetries() <= 1;
  }
}
