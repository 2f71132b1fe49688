package org.caserouting.verification;

import org.caserouting.platform.engine.models.ModelHelper;
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

}
