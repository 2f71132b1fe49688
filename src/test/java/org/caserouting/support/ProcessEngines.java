package org.caserouting.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.caserouting.platform.engine.task.TaskContractPlugin;

/**
 * A bare engine on the embedded PostgreSQL, for testing one process model in isolation: beans are
 * registered with {@code Mocks.register}, the user-task contract is in force as in the service.
 */
public final class ProcessEngines {

  private static ProcessEngine engine;

  private ProcessEngines() {}

  public static synchronized ProcessEngineExtension extension() {
    if (engine == null) {
      ProcessEngineConfigurationImpl configuration =
          (ProcessEngineConfigurationImpl)
              ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
                  .setProcessEngineName("model-tests")
                  .setJdbcUrl(EmbeddedPostgres.jdbcUrl("model_tests"))
                  .setJdbcUsername("postgres")
                  .setJdbcPassword("postgres")
                  .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                  .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                  .setJobExecutorActivate(false);
      configuration.setExpressionManager(new MockExpressionManager());
      configuration.getProcessEnginePlugins().add(new TaskContractPlugin());
      engine = configuration.buildProcessEngine();
    }
    return ProcessEngineExtension.builder().useProcessEngine(engine).build();
  }
}
