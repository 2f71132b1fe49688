package org.caserouting.lint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.caserouting.platform.engine.models.ModelPolicy;
import org.caserouting.platform.engine.models.ModelVocabulary;
import org.caserouting.platform.engine.task.FormContract;
import org.caserouting.platform.engine.task.OutcomeContract;
import org.caserouting.platform.engine.task.TaskOutcome;

/**
 * Checks the models a process owner edits in Camunda Modeler before they reach an engine: the
 * things that would deploy fine and then fail in front of a clerk.
 */
final class ModelLint {

  private final Path processes;
  private final Path decisions;
  private final Path forms;
  private final ModelPolicy policy;

  ModelLint(Path processes, Path decisions, Path forms, ModelVocabulary vocabulary) {
    this.processes = processes;
    this.decisions = decisions;
    this.forms = forms;
    this.policy = new ModelPolicy(vocabulary);
  }

  /** Every finding, as "file: element: problem"; empty when the models are fit to deploy. */
  List<String> findings() {
    List<String> findings = new ArrayList<>();
    // What every deployment must pass, the engine's own check: the same policy, the same words.
    for (Path file : allModels()) {
      policy.check(file.getFileName().toString(), read(file)).forEach(violation -> findings.add(violation.toString()));
    }
    Map<Path, BpmnModelInstance> bpmn = new TreeMap<>();
    files(processes, ".bpmn").forEach(file -> bpmn.put(file, Bpmn.readModelFromFile(file.toFile())));
    Map<Path, DmnModelInstance> dmn = new TreeMap<>();
    files(decisions, ".dmn").forEach(file -> dmn.put(file, Dmn.readModelFromFile(file.toFile())));

    Set<String> processIds = new HashSet<>();
    bpmn.values().forEach(model -> model.getModelElementsByType(Process.class).forEach(p -> processIds.add(p.getId())));
    Set<String> decisionIds = new HashSet<>();
    dmn.values().forEach(model -> model.getModelElementsByType(Decision.class).forEach(d -> decisionIds.add(d.getId())));
    Map<String, FormContract> forms = forms(findings);
    Set<String> formIds = forms.keySet();

    bpmn.forEach((file, model) -> lintProcess(file.getFileName().toString(), model, processIds, decisionIds, forms, findings));
    lintSteering(bpmn, forms, findings);
    dmn.forEach((file, model) -> lintDecisions(file.getFileName().toString(), model, findings));
    return findings;
  }

  private void lintProcess(
      String file, BpmnModelInstance model, Set<String> processIds, Set<String> decisionIds,
      Map<String, FormContract> forms, List<String> findings) {
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
      lintLanes(file, process, findings);
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String at = file + ": " + task.getId() + ": ";
      if (blank(task.getCamundaCandidateGroups())) {
        findings.add(at + "user task has no candidate groups");
      }
      if (blank(task.getCamundaDueDate())) {
        // Every task has a deadline, so the deadline watch reminds and escalates it.
        findings.add(at + "user task has no due date (camunda:dueDate)");
      }
      if (blank(task.getCamundaFormRef()) || blank(task.getCamundaFormRefBinding())) {
        findings.add(at + "user task has no form reference (camunda:formRef with a binding)");
      } else if (!forms.containsKey(task.getCamundaFormRef())) {
        findings.add(at + "form '" + task.getCamundaFormRef() + "' is not in forms/");
      }
      if (!blank(task.getCamundaFormRef()) && !"deployment".equals(task.getCamundaFormRefBinding())) {
        // A case keeps the forms it was built with; a form deployed later reaches only new cases (ADR 0029).
        findings.add(at + "binds form '" + task.getCamundaFormRef() + "' to '"
            + Objects.requireNonNullElse(task.getCamundaFormRefBinding(), "latest") + "': bind it to its deployment (camunda:formRefBinding=\"deployment\")");
      }
      var outcomes = OutcomeContract.declaredOutcomes(task);
      FormContract form = blank(task.getCamundaFormRef()) ? null : forms.get(task.getCamundaFormRef());
      if (form != null && outcomes.isPresent()) {
        // The task's contract is its form: the outcomes a clerk can pick must be those the task offers.
        FormContract.Field outcome = form.fields().get(TaskOutcome.OUTCOME.name());
        List<String> offered = outcome == null || outcome.values() == null ? List.of() : outcome.values();
        if (!new HashSet<>(offered).equals(new HashSet<>(outcomes.get()))) {
          findings.add(at + "form '" + form.id() + "' offers outcomes " + offered + ", the task declares " + outcomes.get());
        }
      }
      if (outcomes.isEmpty() || outcomes.get().isEmpty()) {
        findings.add(at + "user task declares no outcomes (extension property 'outcomes')");
      } else {
        Set<String> known = Arrays.stream(TaskOutcome.values()).map(Enum::name).collect(Collectors.toSet());
        outcomes.get().stream()
            .filter(outcome -> !known.contains(outcome))
            .forEach(outcome -> findings.add(at + "unknown outcome '" + outcome + "'"));
      }
    }
    for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
      if (!processIds.contains(call.getCalledElement())) {
        findings.add(file + ": " + call.getId() + ": calls process '" + call.getCalledElement() + "', which is not in processes/");
      }
      if (!"deployment".equals(call.getCamundaCalledElementBinding())) {
        findings.add(file + ": " + call.getId() + ": calls '" + call.getCalledElement() + "' bound to '"
            + Objects.requireNonNullElse(call.getCamundaCalledElementBinding(), "latest") + "': bind it to its deployment (camunda:calledElementBinding=\"deployment\")");
      }
    }
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      if (!decisionIds.contains(task.getCamundaDecisionRef())) {
        findings.add(file + ": " + task.getId() + ": evaluates decision '" + task.getCamundaDecisionRef() + "', which is not in dmn/");
      }
    }
  }

  /** Once a process owner draws lanes, every step of the process is in exactly one: who does it is never unclear. */
  private static void lintLanes(String file, Process process, List<String> findings) {
    if (process.getLaneSets().isEmpty()) {
      return;
    }
    Map<String, Integer> lanesOf = new TreeMap<>();
    process.getFlowElements().stream().filter(FlowNode.class::isInstance).forEach(node -> lanesOf.put(node.getId(), 0));
    process.getLaneSets().forEach(set -> set.getLanes().forEach(lane -> lane.getFlowNodeRefs()
        .forEach(node -> lanesOf.merge(node.getId(), 1, Integer::sum))));
    lanesOf.forEach((node, lanes) -> {
      if (lanes != 1) {
        findings.add(file + ": " + node + ": is in " + lanes + " lanes, not in one");
      }
    });
  }

  /**
   * A task may write only its form's editable fields (the task contract). None of them may carry
   * the name of something a model steers by: a variable an expression reads, a called process's
   * parameter, a multi-instance element or counter. Otherwise a clerk could steer the case by typing.
   */
  private void lintSteering(Map<Path, BpmnModelInstance> bpmn, Map<String, FormContract> forms, List<String> findings) {
    Set<String> steering = new TreeSet<>(Set.of("nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances", "loopCounter"));
    bpmn.forEach((file, model) -> {
      steering.addAll(policy.variablesRead(file.getFileName().toString(), read(file)));
      // A called process's parameters; a value passed on under its own name is not one, and
      // whatever the called process steers by is its expressions', counted above.
      model.getModelElementsByType(CamundaIn.class).stream()
          .filter(in -> in.getCamundaTarget() != null && !in.getCamundaTarget().equals(in.getCamundaSource()))
          .map(CamundaIn::getCamundaTarget).forEach(steering::add);
      model.getModelElementsByType(MultiInstanceLoopCharacteristics.class).stream()
          .map(MultiInstanceLoopCharacteristics::getCamundaElementVariable).filter(name -> name != null).forEach(steering::add);
    });
    // The answer itself steers, held to the outcomes the task declares (OutcomeContract).
    steering.removeAll(Set.of(TaskOutcome.OUTCOME.name(), TaskOutcome.OPINION.name()));
    forms.forEach((id, form) -> form.fields().keySet().stream()
        .filter(steering::contains)
        .forEach(field -> findings.add(id + ".form: " + field
            + ": an editable field may not be named as something a model steers by")));
  }

  private void lintDecisions(String file, DmnModelInstance model, List<String> findings) {
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      if (blank(decision.getCamundaHistoryTimeToLiveString())) {
        findings.add(file + ": " + decision.getId() + ": has no historyTimeToLive");
      }
    }
  }

  /** Each form by id, read as the engine reads it into a task's contract. */
  private Map<String, FormContract> forms(List<String> findings) {
    Map<String, FormContract> byId = new TreeMap<>();
    for (Path file : files(forms, ".form")) {
      FormContract form = FormContract.parse(read(file));
      if (form.id() == null) {
        findings.add(file.getFileName() + ": form has no id");
      } else if (byId.put(form.id(), form) != null) {
        findings.add(file.getFileName() + ": form id '" + form.id() + "' is used by another form");
      }
    }
    return byId;
  }

  private List<Path> allModels() {
    List<Path> all = new ArrayList<>(files(processes, ".bpmn"));
    all.addAll(files(decisions, ".dmn"));
    all.addAll(files(forms, ".form"));
    return all;
  }

  static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The folder's files of this extension, sorted; none when the folder is missing. */
  static List<Path> files(Path folder, String extension) {
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
