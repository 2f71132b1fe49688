package org.caserouting.platform.task;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Attaches {@link OutcomeContract} to every user task of every deployed process, so a process
 * owner's redesign keeps the contract without having to remember a listener: a new task starts
 * with an empty outcome and opinion, and a completed one is checked.
 */
@Component
public class OutcomeContractPlugin extends AbstractProcessEnginePlugin {

  private static final OutcomeContract CONTRACT = new OutcomeContract();

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
            definition.addTaskListener(TaskListener.EVENTNAME_CREATE, CONTRACT::clearPreviousAnswer);
            definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, CONTRACT);
          }
        });
    configuration.setCustomPreBPMNParseListeners(listeners);
  }
}
