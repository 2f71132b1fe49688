package org.caserouting.platform.engine.task;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.caserouting.platform.engine.Interceptors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
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
  private final Supplier<TaskAssignments> assignments;
  private final Supplier<ActingDeputies> deputies;

  @Autowired
  TaskContractPlugin(ObjectProvider<TaskAssignments> assignments, ObjectProvider<ActingDeputies> deputies) {
    this.assignments = assignments::getIfAvailable;
    this.deputies = deputies::getIfAvailable;
  }

  /**
   * For an engine without the case's record (the model tests' own engines): assignments go
   * unrecorded, and nobody has a deputy.
   */
  public TaskContractPlugin() {
    this.assignments = () -> null;
    this.deputies = () -> null;
  }

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
            definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, TaskContractPlugin.this::offerToDeputies);
            definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, contracts::recompute);
            definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, OUTCOMES);
            definition.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, TaskContractPlugin.this::recordAssignment);
          }
        });
    configuration.setCustomPreBPMNParseListeners(listeners);

    Interceptors.inside(configuration, () -> new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        TaskCall call = TaskCall.of(command).orElse(null);
        if (call == null) {
          return next.execute(command);
        }
        contracts.check(call, Context.getCommandContext());
        AssigneeRule.check(call, Context.getCommandContext(), deputies.get());
        try {
          return next.execute(command);
        } catch (RuntimeException failure) {
          throw TaskContracts.asRequestFault(call.door(), failure);
        }
      }
    });
    configuration.setEnableExceptionsAfterUnhandledBpmnError(true);
  }

  /**
   * A new task offered to a group is offered too to whoever acts now for an absent member of it
   * (職務代理), so the deputy finds it and may work it; the record of deputies takes the offer back
   * when the period ends.
   */
  private void offerToDeputies(DelegateTask task) {
    ActingDeputies acting = deputies.get();
    if (acting == null) {
      return;
    }
    List<String> groups = task.getCandidates().stream().map(IdentityLink::getGroupId).filter(g -> g != null).toList();
    groups.stream().flatMap(group -> acting.actingIn(group).stream()).distinct().forEach(task::addCandidateUser);
  }

  /**
   * A task handed by one person to another, or taken back from someone, goes on the case's record;
   * a person taking a task for themselves (a claim) does not.
   */
  private void recordAssignment(DelegateTask task) {
    String by = Context.getCommandContext().getAuthenticatedUserId();
    String to = task.getAssignee();
    if (by == null || by.equals(to) || !(task instanceof TaskEntity entity)) {
      return;
    }
    PropertyChange change = entity.getPropertyChanges().get(TaskEntity.ASSIGNEE);
    String from = change == null ? null : change.getOrgValueString();
    String applicationNo = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    TaskAssignments log = assignments.get();
    if (log == null || applicationNo == null) {
      return;
    }
    List<String> groups = task.getCandidates().stream()
        .map(IdentityLink::getGroupId).filter(group -> group != null).toList();
    log.assigned(applicationNo, task.getName(), groups, by, from, to);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    contracts.useEngine(configuration);
  }
}
