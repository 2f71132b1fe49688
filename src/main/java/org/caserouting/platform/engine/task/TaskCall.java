package org.caserouting.platform.engine.task;

import java.lang.reflect.Field;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;

/**
 * What an engine command would do to a user task: the door it came through, the task, the
 * variables it would write or remove, and the error or escalation code it would throw. Read from
 * the engine's own command objects, so every client (engine REST, Tasklist's API, Java) is seen
 * alike. The commands keep these in protected fields; if an engine upgrade renames one, the
 * engine refuses to start rather than let a door through unchecked.
 */
record TaskCall(
    Door door, String taskId, Map<String, ?> variables, Collection<String> removals, String code, String assignee) {

  /** The ways a person can act on a task. */
  enum Door {
    COMPLETE("complete"),
    SUBMIT_FORM("submit-form"),
    RESOLVE("resolve"),
    BPMN_ERROR("bpmnError"),
    ESCALATION("bpmnEscalation"),
    WRITE_VARIABLES("variables"),
    /** Claiming: for oneself only. */
    CLAIM("claim"),
    /** Assigning (分案) or delegating: only to someone the task is offered to ({@link AssigneeRule}). */
    ASSIGN("assignee"),
    DELEGATE("delegate");

    final String restName;

    Door(String restName) {
      this.restName = restName;
    }

    boolean completes() {
      return this == COMPLETE || this == SUBMIT_FORM;
    }
  }

  private static final Field COMPLETE_TASK_ID = field(CompleteTaskCmd.class, "taskId");
  private static final Field COMPLETE_VARIABLES = field(CompleteTaskCmd.class, "variables");
  private static final Field SUBMIT_TASK_ID = field(SubmitTaskFormCmd.class, "taskId");
  private static final Field SUBMIT_PROPERTIES = field(SubmitTaskFormCmd.class, "properties");
  private static final Field ERROR_TASK_ID = field(HandleTaskBpmnErrorCmd.class, "taskId");
  private static final Field ERROR_CODE = field(HandleTaskBpmnErrorCmd.class, "errorCode");
  private static final Field ERROR_VARIABLES = field(HandleTaskBpmnErrorCmd.class, "variables");
  private static final Field ESCALATION_TASK_ID = field(HandleTaskEscalationCmd.class, "taskId");
  private static final Field ESCALATION_CODE = field(HandleTaskEscalationCmd.class, "escalationCode");
  private static final Field ESCALATION_VARIABLES = field(HandleTaskEscalationCmd.class, "variables");
  private static final Field VARIABLE_ENTITY_ID = field(AbstractVariableCmd.class, "entityId");
  private static final Field SET_VARIABLES = field(AbstractSetVariableCmd.class, "variables");
  private static final Field REMOVED_NAMES = field(AbstractRemoveVariableCmd.class, "variableNames");
  private static final Field PATCH_ENTITY_ID = field(AbstractPatchVariablesCmd.class, "entityId");
  private static final Field PATCH_VARIABLES = field(AbstractPatchVariablesCmd.class, "variables");
  private static final Field PATCH_DELETIONS = field(AbstractPatchVariablesCmd.class, "deletions");
  private static final Field CLAIM_TASK_ID = field(ClaimTaskCmd.class, "taskId");
  private static final Field CLAIM_USER_ID = field(ClaimTaskCmd.class, "userId");
  private static final Field ASSIGN_TASK_ID = field(AbstractSetTaskPropertyCmd.class, "taskId");
  private static final Field ASSIGN_USER_ID = field(AbstractAddIdentityLinkCmd.class, "userId");
  private static final Field DELEGATE_TASK_ID = field(DelegateTaskCmd.class, "taskId");
  private static final Field DELEGATE_USER_ID = field(DelegateTaskCmd.class, "userId");

  /** The call, if the command acts on a user task's variables or ends it. */
  static Optional<TaskCall> of(Command<?> command) {
    if (command instanceof ResolveTaskCmd) {
      return call(Door.RESOLVE, COMPLETE_TASK_ID, command, read(COMPLETE_VARIABLES, command), null, null);
    }
    if (command instanceof CompleteTaskCmd) {
      return call(Door.COMPLETE, COMPLETE_TASK_ID, command, read(COMPLETE_VARIABLES, command), null, null);
    }
    if (command instanceof SubmitTaskFormCmd) {
      return call(Door.SUBMIT_FORM, SUBMIT_TASK_ID, command, read(SUBMIT_PROPERTIES, command), null, null);
    }
    if (command instanceof HandleTaskBpmnErrorCmd) {
      return call(Door.BPMN_ERROR, ERROR_TASK_ID, command, read(ERROR_VARIABLES, command), null, read(ERROR_CODE, command));
    }
    if (command instanceof HandleTaskEscalationCmd) {
      return call(Door.ESCALATION, ESCALATION_TASK_ID, command, read(ESCALATION_VARIABLES, command), null,
          read(ESCALATION_CODE, command));
    }
    if (command instanceof SetTaskVariablesCmd) {
      return call(Door.WRITE_VARIABLES, VARIABLE_ENTITY_ID, command, read(SET_VARIABLES, command), null, null);
    }
    if (command instanceof RemoveTaskVariablesCmd) {
      return call(Door.WRITE_VARIABLES, VARIABLE_ENTITY_ID, command, null, read(REMOVED_NAMES, command), null);
    }
    if (command instanceof PatchTaskVariablesCmd) {
      return call(Door.WRITE_VARIABLES, PATCH_ENTITY_ID, command, read(PATCH_VARIABLES, command),
          read(PATCH_DELETIONS, command), null);
    }
    if (command instanceof ClaimTaskCmd) {
      return handOver(Door.CLAIM, read(CLAIM_TASK_ID, command), read(CLAIM_USER_ID, command));
    }
    if (command instanceof AssignTaskCmd) {
      return handOver(Door.ASSIGN, read(ASSIGN_TASK_ID, command), read(ASSIGN_USER_ID, command));
    }
    if (command instanceof DelegateTaskCmd) {
      return handOver(Door.DELEGATE, read(DELEGATE_TASK_ID, command), read(DELEGATE_USER_ID, command));
    }
    return Optional.empty();
  }

  private static Optional<TaskCall> call(
      Door door, Field taskId, Command<?> command, Map<String, ?> variables, Collection<String> removals, String code) {
    return Optional.of(
        new TaskCall(door, read(taskId, command), variables == null ? Map.of() : variables,
            removals == null ? List.of() : removals, code, null));
  }

  /** A claim, an assignment or a delegation: the task and the person it would go to (null: nobody). */
  private static Optional<TaskCall> handOver(Door door, String taskId, String assignee) {
    return Optional.of(new TaskCall(door, taskId, Map.of(), List.of(), null, assignee));
  }

  /** Whether the call hands the task to someone (or takes it from them) rather than working it. */
  boolean handsOver() {
    return door == Door.CLAIM || door == Door.ASSIGN || door == Door.DELEGATE;
  }

  @SuppressWarnings("unchecked")
  private static <T> T read(Field field, Object command) {
    try {
      return (T) field.get(command);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cannot read " + field + " of the engine's task command", e);
    }
  }

  private static Field field(Class<?> type, String name) {
    try {
      Field field = type.getDeclaredField(name);
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(
          "The engine's " + type.getSimpleName() + " has no field '" + name + "' any more: the user-task contract"
              + " cannot see what it writes. Check TaskCall against this engine version.", e);
    }
  }
}
