package org.caserouting.platform.engine.feel;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.caserouting.support.CaseRouterTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The engine the service runs evaluates its tables with the parse-once FEEL engine. */
@CaseRouterTest
class ParsedOnceFeelPluginTest {

  @Autowired ProcessEngine engine;

  @Test
  void theEnginesDecisionTablesParseEachExpressionOnce() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getDmnEngineConfiguration().getFeelEngine()).isInstanceOf(ParsedOnceFeelEngine.class);
  }
}
