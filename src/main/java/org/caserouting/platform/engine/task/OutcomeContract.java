package org.caserouting.platform.engine.task;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * Enforces the user-task contract when a task completes, whichever door it was completed through
 * (Tasklist, engine REST, Java API): the outcome must be one the task offers, and a RETURN or
 * REJECT must say why. The outcome and opinion are then kept under the task's own name, so a
 * later task reusing {@code outcome} does not erase them.
 */
public class OutcomeContract implements TaskListener {

  static final int MAX_OPINION_LENGTH = FormContract.MAX_OPINION_LENGTH;

  @Override
  public void notify(DelegateTask task) {
    List<String> allowed = allowedOutcomes(modelOf(task));
    // Read raw: what a caller wrote may be of any type, and saying so is this check's work.
    Object outcome = task.getVariable(TaskOutcome.OUTCOME.name());
    Object opinion = task.getVariable(TaskOutcome.OPINION.name());
    if (!(outcome instanceof String value) || !allowed.contains(value)) {
      throw new BadUserRequestException(
          "Task '" + task.getName() + "' needs an outcome, one of " + String.join(", ", allowed)
              + "; it was " + (outcome == null ? "missing" : "'" + outcome + "'") + ".");
    }
    if (opinion != null && !(opinion instanceof String)) {
      throw new BadUserRequestException("The opinion must be text.");
    }
    String text = opinion == null ? "" : ((String) opinion).strip();
    if (TaskOutcome.NEED_REASONS.contains(value) && text.isEmpty()) {
      throw new BadUserRequestException("An outcome of " + value + " needs an opinion giving the reasons.");
    }
    if (text.length() > MAX_OPINION_LENGTH) {
      throw new BadUserRequestException("The opinion is longer than " + MAX_OPINION_LENGTH + " characters.");
    }
    TaskOutcome.outcomeOf(task.getTaskDefinitionKey()).on(task.getExecution(), value);
    TaskOutcome.opinionOf(task.getTaskDefinitionKey()).on(task.getExecution(), text);
    TaskOutcome.completedByOf(task.getTaskDefinitionKey()).on(task.getExecution(), ActingUser.of(task).orElse(null));
  }

  /**
   * A new task must not show the previous task's answer as its own: the form would offer the
   * clerk's reasons as the chief's. What was answered stays under the earlier task's name. The
   * answer is emptied where it lives, so a model that keeps it local to a scope (a parallel
   * co-review per agency) keeps it there.
   */
  public void clearPreviousAnswer(DelegateTask task) {
    TaskOutcome.OUTCOME.on(task.getExecution(), null);
    TaskOutcome.OPINION.on(task.getExecution(), null);
  }

  /**
   * The task's element in its model. Read without the caller's authorizations: a clerk may work a
   * task without the right to read process definitions, and the contract is the engine's business.
   */
  private static UserTask modelOf(DelegateTask task) {
    if (Context.getProcessEngineConfiguration() == null) {
      return task.getBpmnModelElementInstance();
    }
    BpmnModelInstance model =
        Context.getProcessEngineConfiguration()
            .getDeploymentCache()
            .findBpmnModelInstanceForProcessDefinition(task.getProcessDefinitionId());
    return model.getModelElementById(task.getTaskDefinitionKey());
  }

  /** The outcomes a user task declares; all three when it declares none (the model lint forbids that). */
  public static List<String> allowedOutcomes(UserTask task) {
    return declaredOutcomes(task)
        .orElseGet(() -> Arrays.stream(TaskOutcome.values()).map(Enum::name).toList());
  }

  public static Optional<List<String>> declaredOutcomes(UserTask task) {
    if (task == null || task.getExtensionElements() == null) {
      return Optional.empty();
    }
    return task.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(properties -> properties.getCamundaProperties().stream())
        .filter(property -> TaskOutcome.ALLOWED_OUTCOMES_PROPERTY.equals(property.getCamundaName()))
        .map(CamundaProperty::getCamundaValue)
        .findFirst()
        .map(value -> Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
  }
}
