package org.caserouting.platform.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How the engine retries a failed job. What fails in normal operation is a call to another agency
 * (a verification query, a change sent through the gateway), so that is every job's cycle: a few
 * tries a minute apart, and then the step's last attempt hands the work to a clerk. A model does
 * not set it: Camunda 7's element templates cannot, and a process owner should not have to.
 */
@Component
class JobRetryPlugin extends AbstractProcessEnginePlugin {

  private final String cycle;

  JobRetryPlugin(@Value("${caserouting.verification.retry-cycle:R3/PT1M}") String cycle) {
    this.cycle = cycle;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setFailedJobRetryTimeCycle(cycle);
  }
}
