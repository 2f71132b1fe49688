package org.caserouting.platform.engine.models;

import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.migration.MigrateProcessInstanceCmd;
import org.camunda.bpm.engine.impl.migration.MigrationPlanExecutionBuilderImpl;
import org.camunda.bpm.engine.impl.migration.batch.MigrateProcessInstanceBatchCmd;
import org.camunda.bpm.engine.impl.migration.instance.MigratingProcessInstance;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.caserouting.platform.engine.Interceptors;
import org.springframework.stereotype.Component;

/**
 * Running cases move to another version of their process only through a migration a second
 * person approved (ADR 0030). The engine refuses every other migration, synchronous or as a batch,
 * whoever asks and through whichever door (the engine REST API's {@code /migration/execute} and
 * {@code /migration/executeAsync}, the Java API), administrators included. The migration jobs of
 * an approved batch run inside the job executor's own command and pass.
 */
@Component
public class ReviewedMigrations extends AbstractProcessEnginePlugin {

  private static final ThreadLocal<Boolean> APPROVED = ThreadLocal.withInitial(() -> Boolean.FALSE);

  /** Runs {@code migration}, which the migration record has let through. */
  public static <T> T run(Supplier<T> migration) {
    APPROVED.set(Boolean.TRUE);
    try {
      return migration.get();
    } finally {
      APPROVED.remove();
    }
  }

  /**
   * The engine's own verdict on migrating one case with this plan, without migrating it: the
   * checks its migration makes, and nothing it would write. Empty when the case could move.
   */
  public static Optional<MigratingProcessInstanceValidationReport> verdict(ProcessEngine engine, MigrationPlan plan,
      String processInstanceId) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    CommandExecutor executor = configuration.getCommandExecutorTxRequired();
    return executor.execute(context -> {
      ProcessDefinitionEntity target = context.getProcessEngineConfiguration().getDeploymentCache()
          .findDeployedProcessDefinitionById(plan.getTargetProcessDefinitionId());
      try {
        new ValidationOnly(new MigrationPlanExecutionBuilderImpl(executor, plan))
            .migrateProcessInstance(context, processInstanceId, plan, target, true);
        return Optional.empty();
      } catch (MigratingProcessInstanceValidationException refused) {
        return Optional.of(refused.getValidationReport());
      }
    });
  }

  /** The engine's migration of one case up to its checks: it moves nothing. */
  private static final class ValidationOnly extends MigrateProcessInstanceCmd {

    ValidationOnly(MigrationPlanExecutionBuilderImpl builder) {
      super(builder, false);
    }

    @Override
    protected void deleteUnmappedActivityInstances(MigratingProcessInstance instance) {
      // a trial deletes nothing
    }

    @Override
    protected void migrateProcessInstance(MigratingProcessInstance instance) {
      // a trial moves nothing
    }
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    Interceptors.before(configuration, Guard::new);
  }

  /** Refuses a migration that did not come through {@link #run}, unless a batch job of an approved one runs it. */
  private static final class Guard extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      boolean migration = command instanceof MigrateProcessInstanceCmd || command instanceof MigrateProcessInstanceBatchCmd;
      // A command inside another (a batch job's migration) was let through when its batch was made.
      if (migration && Context.getCommandContext() == null && !APPROVED.get()) {
        throw new AuthorizationException("遷移執行中案件須經提出與另一人核准，請用 /api/model-migrations"
            + " Running cases are migrated only through a migration proposed and approved by a second person:"
            + " use /api/model-migrations");
      }
      return next.execute(command);
    }
  }
}
