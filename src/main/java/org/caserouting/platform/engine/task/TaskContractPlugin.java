package org.caserouting.platform.engine.task;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * The user-task contract, inside the engine so that it holds through every door (Tasklist, its
 * API, the engine REST API, the Java API), and for every deployed process, so a process owner's
 * redesign keeps it without having to remember a listener:
 *
 * <ul>
 *   <li>every command that writes a task's variables or ends it is checked against the form the
 *       task binds before it runs ({@link TaskContracts});
 *   <li>a new task starts with an empty outcome and opinion; a completed one has its computed
 *       fields recomputed and its outcome checked ({@link OutcomeContract});
 *   <li>a BPMN error that nothing catches fails the call instead of silently ending the process.
 * </ul>
 */
@Component
public class TaskContractPlugin extends AbstractProcessEnginePlugin {

  private static final OutcomeContract OUTCOMES = new OutcomeContract();

  private final TaskContracts contracts = new TaskContracts();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = new ArrayList<>();
    if (configuration.getCustomPreBPMNParseListeners() != null) {
      listeners.addAll(configuration.getCustomPreBPMNParseListeners());
    }
    listeners.add(
        new AbstractBpmnParseListener() {
          @Override
          public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
            var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
            // Built-in listeners run before the model's own, which may read what these settle.
            definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, OUTCOMES::clearPreviousAnswer);
            definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, contracts::recompute);
            definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, OUTCOMES);
          }
        });
    configuration.setCustomPreBPMNParseListeners(listeners);

    CommandInterceptor check =
        new CommandInterceptor() {
          @Override
          public <T> T execute(Command<T> command) {
            TaskCall call = TaskCall.of(command).orElse(null);
            if (call == null) {
              return next.execute(command);
            }
            contracts.check(call, Context.getCommandContext());
            try {
              return next.execute(command);
            } catch (RuntimeException failure) {
              throw TaskContracts.asRequestFault(call.door(), failure);
            }
          }
        };
    configuration.setCustomPostCommandInterceptorsTxRequired(append(configuration.getCustomPostCommandInterceptorsTxRequired(), check));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(
        append(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), check));
    configuration.setEnableExceptionsAfterUnhandledBpmnError(true);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    contracts.useEngine(configuration);
  }

  private static List<CommandInterceptor> append(List<CommandInterceptor> existing, CommandInterceptor interceptor) {
    List<CommandInterceptor> all = new ArrayList<>();
    if (existing != null) {
      all.addAll(existing);
    }
    all.add(interceptor);
    return all;
  }
}
