package org.caserouting.verification;

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
}
