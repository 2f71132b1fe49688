package org.caserouting.platform.engine.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.caserouting.support.CaseRouterTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The engine the service runs asks its task queries' authorization with EXISTS. */
@CaseRouterTest
class AuthorizationSqlPluginTest {

  @Autowired ProcessEngine engine;

  @Test
  void theServicesTaskQueriesUseTheExistsCheck() {
    var sessions = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDbSqlSessionFactory();
    AuthorizationSqlPlugin.STATEMENTS.forEach((engines, ours) ->
        assertThat(sessions.mapStatement(engines)).isEqualTo(ours));
  }
}
