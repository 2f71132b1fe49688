package org.caserouting.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.caserouting.platform.task.OutcomeContract;
import org.caserouting.platform.task.TaskOutcome;

/**
 * Checks the models a process owner edits in Camunda Modeler before they reach an engine: the
 * things that would deploy fine and then fail in front of a clerk.
 */
final class ModelLint {

  private static final Pattern BEAN_EXPRESSION = Pattern.compile("^\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}$");

  private final Path processes;
  private final Path decisions;
  private final Path forms;
  private final Set<String> beanNames;

  ModelLint(Path processes, Path decisions, Path forms, Set<String> beanNames) {
    this.processes = processes;
    this.decisions = decisions;
    this.forms = forms;
    this.beanNames = beanNames;
  }

  /** Every finding, as "file: element: problem"; empty when the models are fit to deploy. */
  List<String> findings() {
    List<String> findings = new ArrayList<>();
    Map<Path, BpmnModelInstance> bpmn = new TreeMap<>();
    files(processes, ".bpmn").forEach(file -> bpmn.put(file, Bpmn.readModelFromFile(file.toFile())));
    Map<Path, DmnModelInstance> dmn = new TreeMap<>();
    files(decisions, ".dmn").forEach(file -> dmn.put(file, Dmn.readModelFromFile(file.toFile())));

    Set<String> processIds = new HashSet<>();
    bpmn.values().forEach(model -> model.getModelElementsByType(Process.class).forEach(p -> processIds.add(p.getId())));
    Set<String> decisionIds = new HashSet<>();
    dmn.values().forEach(model -> model.getModelElementsByType(Decision.class).forEach(d -> decisionIds.add(d.getId())));
    Set<String> formIds = formIds(findings);

    bpmn.forEach((file, model) -> lintProcess(file.getFileName().toString(), model, processIds, decisionIds, formIds, findings));
    dmn.forEach((file, model) -> lintDecisions(file.getFileName().toString(), model, findings));
    return findings;
  }

  private void lintProcess(
      String file, BpmnModelInstance model, Set<String> processIds, Set<String> decisionIds, Set<String> formIds,
      List<String> findings) {
    Set<String> drawn =
        model.getModelElementsByType(BpmnShape.class).stream()
            .filter(shape -> shape.getBpmnElement() != null)
            .map(shape -> shape.getBpmnElement().getId())
            .collect(Collectors.toSet());
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (!drawn.contains(node.getId())) {
        findings.add(file + ": " + node.getId() + ": has no diagram layout (open and save it in Camunda Modeler)");
      }
    }
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (process.isExecutable() && blank(process.getCamundaHistoryTimeToLiveString())) {
        findings.add(file + ": " + process.getId() + ": has no historyTimeToLive");
      }
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String at = file + ": " + task.getId() + ": ";
      if (blank(task.getCamundaCandidateGroups())) {
        findings.add(at + "user task has no candidate groups");
      }
      if (blank(task.getCamundaFormRef()) || blank(task.getCamundaFormRefBinding())) {
        findings.add(at + "user task has no form reference (camunda:formRef with a binding)");
      } else if (!formIds.contains(task.getCamundaFormRef())) {
        findings.add(at + "form '" + task.getCamundaFormRef() + "' is not in forms/");
      }
      var outcomes = OutcomeContract.declaredOutcomes(task);
      if (outcomes.isEmpty() || outcomes.get().isEmpty()) {
        findings.add(at + "user task declares no outcomes (extension property 'outcomes')");
      } else {
        Set<String> known = Arrays.stream(TaskOutcome.values()).map(Enum::name).collect(Collectors.toSet());
        outcomes.get().stream()
            .filter(outcome -> !known.contains(outcome))
            .forEach(outcome -> findings.add(at + "unknown outcome '" + outcome + "'"));
      }
    }
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      checkBean(file, task.getId(), task.getCamundaDelegateExpression(), findings);
    }
    for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
      checkBean(file, ((BaseElement) listener.getParentElement().getParentElement()).getId(),
          listener.getCamundaDelegateExpression(), findings);
    }
    for (CamundaExecutionListener listener : model.getModelElementsByType(CamundaExecutionListener.class)) {
      checkBean(file, ((BaseElement) listener.getParentElement().getParentElement()).getId(),
          listener.getCamundaDelegateExpression(), findings);
    }
    for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
      if (!processIds.contains(call.getCalledElement())) {
        findings.add(file + ": " + call.getId() + ": calls process '" + call.getCalledElement() + "', which is not in processes/");
      }
    }
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      if (!decisionIds.contains(task.getCamundaDecisionRef())) {
        findings.add(file + ": " + task.getId() + ": evaluates decision '" + task.getCamundaDecisionRef() + "', which is not in dmn/");
      }
    }
  }

  private void checkBean(String file, String elementId, String expression, List<String> findings) {
    if (expression == null) {
      return;
    }
    Matcher matcher = BEAN_EXPRESSION.matcher(expression);
    if (!matcher.matches()) {
      findings.add(file + ": " + elementId + ": delegate expression '" + expression + "' should name a bean, as ${beanName}");
    } else if (!beanNames.contains(matcher.group(1))) {
      findings.add(file + ": " + elementId + ": delegate expression names no bean: '" + matcher.group(1) + "'");
    }
  }

  private void lintDecisions(String file, DmnModelInstance model, List<String> findings) {
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      if (blank(decision.getCamundaHistoryTimeToLiveString())) {
        findings.add(file + ": " + decision.getId() + ": has no historyTimeToLive");
      }
    }
  }

  private Set<String> formIds(List<String> findings) {
    ObjectMapper json = new ObjectMapper();
    Set<String> ids = new HashSet<>();
    for (Path file : files(forms, ".form")) {
      try {
        JsonNode id = json.readTree(file.toFile()).get("id");
        if (id == null || !id.isTextual()) {
          findings.add(file.getFileName() + ": form has no id");
        } else if (!ids.add(id.asText())) {
          findings.add(file.getFileName() + ": form id '" + id.asText() + "' is used by another form");
        }
      } catch (IOException e) {
        findings.add(file.getFileName() + ": not a readable form: " + e.getMessage());
      }
    }
    return ids;
  }

  private static List<Path> files(Path folder, String extension) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(file -> file.getFileName().toString().endsWith(extension)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
