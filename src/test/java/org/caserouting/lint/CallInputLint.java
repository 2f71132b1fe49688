package org.caserouting.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.InputExpression;
import org.caserouting.identity.TaskFilters;
import org.caserouting.platform.engine.ConfinedProcesses;
import org.caserouting.platform.engine.models.ModelPolicy;
import org.caserouting.platform.engine.models.ModelVocabulary;
import org.caserouting.platform.engine.task.FormContract;
import org.caserouting.platform.engine.task.TaskOutcome;

/**
 * A call activity passes down by name only what the called process reads (ADR 0020): every
 * variable copied into a called instance costs a row, its removal and two history rows. So no
 * call passes {@code variables="all"}, and none leaves out a variable the called process reads
 * without setting it itself: in an expression, on a form (shown, or in a FEEL condition), on
 * Tasklist's cards, as a decision table's input, or to pass further down; and none passes what
 * the called process never reads. A fact of the case
 * ({@code CaseVariables}) that a sub-process of the called one updates is still read before
 * that, so it is passed. A confined process ({@link ConfinedProcesses}) is passed nothing it
 * does not read, and its cards show only what it was given.
 *
 * <p>What Java reads is not seen here: a delegate reads a variable it must have with
 * {@code Variable.required}, which stops the case with an incident when it is missing.
 */
final class CallInputLint {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{(.*?)}}");
  private static final Set<String> FEEL_WORDS =
      Set.of("true", "false", "null", "and", "or", "not", "in", "if", "then", "else", "some", "every", "satisfies",
          "for", "return", "between", "instance", "of", "function");

  private final Path processes;
  private final Path decisions;
  private final Path forms;
  private final ModelPolicy policy;
  private final List<Class<?>> backingClasses;
  private final Set<String> caseFacts;

  /**
   * @param backingClasses one per model; the variables each declares are set by its delegates
   * @param caseFacts the class declaring the case's own variables, which the intake sets
   */
  CallInputLint(
      Path processes, Path decisions, Path forms, ModelVocabulary vocabulary, List<Class<?>> backingClasses,
      Class<?> caseFacts) {
    this.processes = processes;
    this.decisions = decisions;
    this.forms = forms;
    this.policy = new ModelPolicy(vocabulary);
    this.backingClasses = backingClasses;
    this.caseFacts = BackingClassLint.variables(caseFacts);
  }

  /** Every finding, as "file: call activity: problem"; empty when every call passes what it must. */
  List<String> findings() {
    Map<String, Path> fileOf = new TreeMap<>();
    Map<String, BpmnModelInstance> modelOf = new TreeMap<>();
    for (Path file : ModelLint.files(processes, ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      model.getModelElementsByType(Process.class).forEach(process -> {
        fileOf.put(process.getId(), file);
        modelOf.put(process.getId(), model);
      });
    }
    Map<String, Set<String>> decisionInputs = decisionInputs();
    Map<String, FormReads> formReads = formReads();

    Map<String, Set<String>> reads = new TreeMap<>();
    Map<String, Set<String>> needs = new TreeMap<>();
    modelOf.forEach((key, model) -> {
      reads.put(key, reads(key, fileOf.get(key), model, decisionInputs, formReads));
      Set<String> needed = new TreeSet<>(reads.get(key));
      needed.removeAll(sets(key, model, formReads));
      needs.put(key, needed);
    });

    List<String> findings = new ArrayList<>();
    modelOf.forEach((key, model) -> {
      String file = fileOf.get(key).getFileName().toString();
      for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
        Set<String> needed = needs.get(call.getCalledElement());
        if (needed == null) {
          continue; // the model lint reports a call of a process that is not there
        }
        List<CamundaIn> ins = call.getExtensionElements() == null ? List.of()
            : call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list();
        Set<String> passed = new TreeSet<>();
        boolean all = false;
        for (CamundaIn in : ins) {
          all |= "all".equals(in.getCamundaVariables());
          if (in.getCamundaTarget() != null) {
            passed.add(in.getCamundaTarget());
          }
        }
        if (all) {
          findings.add(file + ": " + call.getId() + ": passes every variable down (camunda:in variables=\"all\");"
              + " name those '" + call.getCalledElement() + "' reads");
          continue;
        }
        needed.stream().filter(name -> !passed.contains(name)).forEach(name -> findings.add(file + ": " + call.getId()
            + ": does not pass '" + name + "', which '" + call.getCalledElement() + "' reads and does not set"));
        Set<String> used = new TreeSet<>(reads.get(call.getCalledElement()));
        used.addAll(declaredVariables(call.getCalledElement()));
        String why = ConfinedProcesses.confines(call.getCalledElement())
            ? "a confined process gets only its question"
            : "each copy costs the case four statements";
        passed.stream().filter(name -> !used.contains(name))
            .forEach(name -> findings.add(file + ": " + call.getId() + ": passes '" + name + "' to '"
                + call.getCalledElement() + "', which reads no such thing: " + why));
      }
    });
    return findings;
  }

  /** What a process reads: its expressions, what it passes on, its forms and cards, its decisions' inputs. */
  private Set<String> reads(String key,
      Path file, BpmnModelInstance model, Map<String, Set<String>> decisionInputs, Map<String, FormReads> formReads) {
    Set<String> reads = new TreeSet<>(policy.variablesRead(file.getFileName().toString(), ModelLint.read(file)));
    model.getModelElementsByType(CamundaIn.class).stream()
        .map(CamundaIn::getCamundaSource).filter(source -> source != null).forEach(reads::add);
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      if (!ConfinedProcesses.confines(key)) {
        TaskFilters.ON_EVERY_CARD.forEach(shown -> reads.add(shown.variable().name()));
      }
      FormReads form = formReads.get(task.getCamundaFormRef());
      if (form != null) {
        reads.addAll(form.reads());
      }
    }
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      reads.addAll(decisionInputs.getOrDefault(task.getCamundaDecisionRef(), Set.of()));
    }
    return reads;
  }

  /**
   * What a process sets itself: its tasks' answers, its sub-processes' results (but for the
   * case's facts, which they update), its own
   * local and loop variables, its decisions' results, and its backing class's variables,
   * which its delegates set.
   */
  private Set<String> sets(String key, BpmnModelInstance model, Map<String, FormReads> formReads) {
    Set<String> sets = new TreeSet<>(Set.of("loopCounter", "nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances"));
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      sets.add(TaskOutcome.OUTCOME.name());
      sets.add(TaskOutcome.OPINION.name());
      sets.add(TaskOutcome.outcomeOf(task.getId()).name());
      sets.add(TaskOutcome.opinionOf(task.getId()).name());
      sets.add(TaskOutcome.completedByOf(task.getId()).name());
      FormReads form = formReads.get(task.getCamundaFormRef());
      if (form != null) {
        sets.addAll(form.writes());
      }
    }
    model.getModelElementsByType(CamundaOut.class).stream()
        .map(CamundaOut::getCamundaTarget).filter(target -> target != null && !caseFacts.contains(target))
        .forEach(sets::add);
    model.getModelElementsByType(CamundaInputParameter.class).forEach(parameter -> sets.add(parameter.getCamundaName()));
    model.getModelElementsByType(CamundaOutputParameter.class).forEach(parameter -> sets.add(parameter.getCamundaName()));
    model.getModelElementsByType(BusinessRuleTask.class).stream()
        .map(BusinessRuleTask::getCamundaResultVariable).filter(name -> name != null).forEach(sets::add);
    model.getModelElementsByType(MultiInstanceLoopCharacteristics.class).stream()
        .map(MultiInstanceLoopCharacteristics::getCamundaElementVariable).filter(name -> name != null).forEach(sets::add);
    sets.addAll(ownVariables(key));
    return sets;
  }

  /**
   * The variables a process's backing class declares, which its delegates set and read; a fact of
   * the case it names under its own name is still the intake's.
   */
  private Set<String> ownVariables(String key) {
    Set<String> own = declaredVariables(key);
    own.removeAll(caseFacts);
    return own;
  }

  /** Every variable a process's backing class declares, facts of the case included: its delegates read them. */
  private Set<String> declaredVariables(String key) {
    Set<String> declared = new TreeSet<>();
    backingClasses.stream()
        .filter(backing -> BackingClassLint.constant(backing, "KEY").filter(key::equals).isPresent())
        .forEach(backing -> BackingClassLint.nested(backing, "Variables")
            .ifPresent(variables -> declared.addAll(BackingClassLint.variables(variables))));
    return declared;
  }

  /** What a form shows or computes from (it reads), and what a clerk writes on it. */
  private record FormReads(Set<String> reads, Set<String> writes) {}

  private Map<String, FormReads> formReads() {
    Map<String, FormReads> byId = new TreeMap<>();
    for (Path file : ModelLint.files(forms, ".form")) {
      byte[] content = ModelLint.read(file);
      FormContract contract = FormContract.parse(content);
      Set<String> reads = new TreeSet<>();
      try {
        collect(JSON.readTree(content).path("components"), reads);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Set<String> writes = new TreeSet<>(contract.fields().keySet());
      reads.removeAll(writes);
      byId.put(contract.id(), new FormReads(reads, writes));
    }
    return byId;
  }

  /** Every key of a component, and every name in its FEEL ({@code =...}) or template ({@code {{...}}}) text. */
  private static void collect(JsonNode components, Set<String> reads) {
    for (JsonNode component : components) {
      component.fields().forEachRemaining(entry -> {
        JsonNode value = entry.getValue();
        if (entry.getKey().equals("key") && value.isTextual()) {
          reads.add(value.asText());
        } else if (value.isTextual() && value.asText().startsWith("=")) {
          reads.addAll(feelNames(value.asText().substring(1)));
        } else if (value.isTextual() && value.asText().contains("{{")) {
          Matcher template = TEMPLATE.matcher(value.asText());
          while (template.find()) {
            reads.addAll(feelNames(template.group(1)));
          }
        } else if (value.isObject()) {
          value.fields().forEachRemaining(nested -> {
            if (nested.getValue().isTextual() && nested.getValue().asText().startsWith("=")) {
              reads.addAll(feelNames(nested.getValue().asText().substring(1)));
            }
          });
        }
      });
      collect(component.path("components"), reads);
    }
  }

  /** Each decision's input expressions' names, by decision id. */
  private Map<String, Set<String>> decisionInputs() {
    Map<String, Set<String>> byId = new TreeMap<>();
    for (Path file : ModelLint.files(decisions, ".dmn")) {
      DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
      for (Decision decision : model.getModelElementsByType(Decision.class)) {
        Set<String> names = new TreeSet<>();
        decision.getChildElementsByType(org.camunda.bpm.model.dmn.instance.DecisionTable.class).forEach(table ->
            table.getInputs().forEach(input -> {
              InputExpression expression = input.getInputExpression();
              if (expression != null && expression.getText() != null) {
                names.addAll(feelNames(expression.getText().getTextContent()));
              }
            }));
        byId.put(decision.getId(), names);
      }
    }
    return byId;
  }

  /** The names a simple FEEL expression reads: its identifiers, less literals, keywords and members after a dot. */
  static Set<String> feelNames(String feel) {
    String withoutStrings = feel.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", " ");
    Set<String> names = new TreeSet<>();
    Matcher name = NAME.matcher(withoutStrings);
    while (name.find()) {
      boolean member = name.start() > 0 && withoutStrings.charAt(name.start() - 1) == '.';
      boolean function = withoutStrings.substring(name.end()).stripLeading().startsWith("(");
      if (!member && !function && !FEEL_WORDS.contains(name.group())) {
        names.add(name.group());
      }
    }
    return names;
  }
}
