package org.caserouting.platform.engine.task;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EscalationEventDefinition;
import org.caserouting.platform.Refusal;
import org.caserouting.platform.engine.task.FormContract.Purpose;
import org.caserouting.platform.engine.task.TaskCall.Door;

/**
 * Holds every user task to the form it binds: a door may write only the form's editable fields,
 * plus outcome and opinion, with values the form allows. The form is the one the task actually
 * binds, resolved by the engine as Tasklist resolves it ({@code latest}, {@code deployment} or a
 * version), and read once per form version. A refused call writes nothing: it is refused before
 * the engine's own command runs.
 */
final class TaskContracts {

  private static final FormContract NO_FORM = FormContract.parse("{\"components\":[]}".getBytes(StandardCharsets.UTF_8));

  private final Map<String, FormContract> byFormDefinition = new ConcurrentHashMap<>();
  private volatile FormContract.Feel feel;

  /** The engine's FEEL engine, for computed fields and conditions; known once the engine is built. */
  void useEngine(ProcessEngineConfigurationImpl configuration) {
    FeelEngine engine = ((DefaultDmnEngineConfiguration) configuration.getDmnEngineConfiguration()).getFeelEngine();
    this.feel = (expression, variables) ->
        engine.evaluateSimpleExpression(expression, Variables.fromMap(variables).asVariableContext());
  }

  /** Refuses the call, naming every variable it may not write, before anything is written. */
  void check(TaskCall call, CommandContext context) {
    if (call.handsOver()) {
      return;
    }
    TaskEntity task = context.getTaskManager().findTaskById(call.taskId());
    if (task == null || task.getProcessDefinitionId() == null) {
      // The command itself answers a missing task; a standalone task belongs to no case.
      return;
    }
    FormContract contract = context.runWithoutAuthorization(() -> contractOf(task, context));
    Purpose purpose = call.door().completes() ? Purpose.COMPLETE : Purpose.WRITE;
    List<String> problems =
        new ArrayList<>(
            contract.check(call.variables(), call.removals(), purpose,
                () -> context.runWithoutAuthorization(() -> task.getVariables()), feel));
    if ((call.door() == Door.BPMN_ERROR || call.door() == Door.ESCALATION) && !caughtOnTask(task, call, context)) {
      problems.add(call.code() + "：此任務沒有接住此代碼的邊界事件，案件不會因此結束 no boundary event of this task"
          + " catches this code, so it cannot end the task");
    }
    if (problems.isEmpty()) {
      return;
    }
    // Someone who may not work the task learns nothing of its form: the engine's own check first.
    for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
      if (call.door() == Door.WRITE_VARIABLES) {
        checker.checkUpdateTaskVariable(task);
      } else {
        checker.checkTaskWork(task);
      }
    }
    throw refusal(call, task, contract, problems);
  }

  /** A computed field is written as the server computes it, whatever was submitted for it. */
  void recompute(DelegateTask task) {
    CommandContext context = Context.getCommandContext();
    FormContract contract = context.runWithoutAuthorization(() -> contractOf((TaskEntity) task, context));
    for (FormContract.Field field : contract.computed()) {
      task.setVariable(field.key(), FormContract.compute(field, task.getVariables(), feel));
    }
  }

  /**
   * A guard inside the engine (a task listener: the outcome contract, the drafter who may not sign,
   * an objection that needs an answer) refuses with a BadUserRequestException or the domain's
   * {@link Refusal}, which the engine wraps as a listener failure. Tasklist's own API would answer that 500; unwrapped here, both
   * REST applications answer 400 with the guard's own words.
   */
  static RuntimeException asRequestFault(Door door, RuntimeException failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof NotFoundException) {
        return failure;
      }
      if (cause instanceof FormFieldValidationException || cause instanceof AuthorizationException) {
        return cause == failure ? failure : (RuntimeException) cause;
      }
      if (cause instanceof BadUserRequestException refusal) {
        if (door.completes()) {
          return new FormFieldValidationException(null, refusal.getMessage(), failure);
        }
        return refusal;
      }
      if (cause instanceof Refusal refusal) {
        return door.completes()
            ? new FormFieldValidationException(null, refusal.getMessage(), failure)
            : new BadUserRequestException(refusal.getMessage(), failure);
      }
    }
    return failure;
  }

  private FormContract contractOf(TaskEntity task, CommandContext context) {
    TaskFormData form = new GetTaskFormCmd(task.getId()).execute(context);
    CamundaFormRef ref = form == null ? null : form.getCamundaFormRef();
    if (ref == null || ref.getKey() == null) {
      return NO_FORM;
    }
    CamundaFormDefinition definition = new GetCamundaFormDefinitionCmd(ref, form.getDeploymentId()).execute(context);
    if (definition == null) {
      return NO_FORM;
    }
    return byFormDefinition.computeIfAbsent(definition.getId(), id -> {
      ResourceEntity resource =
          context.getResourceManager()
              .findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), definition.getResourceName());
      if (resource == null) {
        throw new ProcessEngineException("Form " + definition.getKey() + " has no deployed resource");
      }
      return FormContract.parse(resource.getBytes());
    });
  }

  /** An error or escalation from a task must be caught by a boundary event on that very task. */
  private static boolean caughtOnTask(TaskEntity task, TaskCall call, CommandContext context) {
    BpmnModelInstance model =
        context.getProcessEngineConfiguration().getDeploymentCache()
            .findBpmnModelInstanceForProcessDefinition(task.getProcessDefinitionId());
    for (BoundaryEvent boundary : model.getModelElementsByType(BoundaryEvent.class)) {
      if (boundary.getAttachedTo() == null || !task.getTaskDefinitionKey().equals(boundary.getAttachedTo().getId())) {
        continue;
      }
      for (var definition : boundary.getEventDefinitions()) {
        if (call.door() == Door.BPMN_ERROR && definition instanceof ErrorEventDefinition error
            && (error.getError() == null || call.code().equals(error.getError().getErrorCode()))) {
          return true;
        }
        if (call.door() == Door.ESCALATION && definition instanceof EscalationEventDefinition escalation
            && (escalation.getEscalation() == null
                || call.code().equals(escalation.getEscalation().getEscalationCode()))) {
          return true;
        }
      }
    }
    return false;
  }

  private static RuntimeException refusal(TaskCall call, TaskEntity task, FormContract contract, List<String> problems) {
    String message =
        "「" + task.getName() + "」只接受表單「" + (contract.id() == null ? "—" : contract.id())
            + "」可填的欄位與 outcome、opinion，未寫入任何資料 accepts only the fields its form lets a person fill in,"
            + " outcome and opinion; nothing was written (" + call.door().restName + "): " + String.join("; ", problems);
    return switch (call.door()) {
      // The engine REST API and Tasklist's own API both answer these 400.
      case COMPLETE, SUBMIT_FORM -> new FormFieldValidationException(problems, message);
      case RESOLVE, BPMN_ERROR, ESCALATION, CLAIM, ASSIGN, DELEGATE -> new BadUserRequestException(message);
      // Writing a variable through a task is an act the task's contract does not permit: 403 on every door.
      case WRITE_VARIABLES -> new AuthorizationException(message);
    };
  }
}
