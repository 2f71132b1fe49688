package org.caserouting.platform.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Installs {@link AgencyAuthorizationProvider}. The other authorization settings (history
 * permissions per instance, the permission a candidate gets on a task, expressions in queries,
 * the query result limit) are plain engine properties in application.yaml.
 */
@Component
class AgencyAuthorizationPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new AgencyAuthorizationProvider());
  }
}
