package org.caserouting.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.caserouting.platform.Variable;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;

/**
 * Keeps each model and its backing class, the Java side of it, telling the same story: the class
 * names the process by its {@code KEY}, its element ids in {@code Elements} and its variables in
 * {@code Variables}. Every element id the class names is in the model, every model has a class, and
 * every key of a form the model's tasks show is a variable the class, or a shared class, declares.
 */
final class BackingClassLint {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path processes;
  private final Path forms;
  private final List<Class<?>> backingClasses;
  private final List<Class<?>> shared;

  /**
   * @param backingClasses one per model, each with a {@code KEY} and nested {@code Elements} and {@code Variables}
   * @param shared classes whose {@link Variable} constants every model may show (the case's, the task contract's)
   */
  BackingClassLint(Path processes, Path forms, List<Class<?>> backingClasses, List<Class<?>> shared) {
    this.processes = processes;
    this.forms = forms;
    this.backingClasses = backingClasses;
    this.shared = shared;
  }

  /** The project's backing classes: the {@code *Process} classes of the service with a {@code KEY}. */
  static List<Class<?>> scan() {
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter((reader, factory) -> reader.getClassMetadata().getClassName().endsWith("Process"));
    return scanner.findCandidateComponents("org.caserouting").stream()
        .<Class<?>>map(definition -> load(definition.getBeanClassName()))
        .filter(type -> constant(type, "KEY").isPresent())
        .sorted(java.util.Comparator.comparing(Class::getName))
        .toList();
  }

  /** Every finding, as "where: problem"; empty when models and classes agree. */
  List<String> findings() {
    List<String> findings = new ArrayList<>();
    Map<String, Path> fileOf = new TreeMap<>();
    Map<String, BpmnModelInstance> modelOf = new TreeMap<>();
    for (Path file : ModelLint.files(processes, ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (Process process : model.getModelElementsByType(Process.class)) {
        fileOf.put(process.getId(), file);
        modelOf.put(process.getId(), model);
      }
    }
    Map<String, Set<String>> formKeys = formKeys();
    Set<String> sharedVariables = new TreeSet<>();
    shared.forEach(type -> sharedVariables.addAll(variables(type)));

    Set<String> backed = new TreeSet<>();
    for (Class<?> backing : backingClasses) {
      String name = backing.getSimpleName();
      String key = constant(backing, "KEY").orElseThrow();
      BpmnModelInstance model = modelOf.get(key);
      if (model == null) {
        findings.add(name + ": KEY '" + key + "' is no process in processes/");
        continue;
      }
      backed.add(key);
      String file = fileOf.get(key).getFileName().toString();
      Set<String> ids = model.getModelElementsByType(BaseElement.class).stream()
          .map(BaseElement::getId).filter(id -> id != null).collect(Collectors.toSet());
      nested(backing, "Elements").ifPresent(elements -> constants(elements).forEach((constant, id) -> {
        if (!ids.contains(id)) {
          findings.add(name + ".Elements." + constant + ": '" + id + "' is no element of " + file);
        }
      }));
      Set<String> declared = new TreeSet<>(sharedVariables);
      nested(backing, "Variables").ifPresent(variables -> declared.addAll(variables(variables)));
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        if (task.getCamundaFormRef() == null) {
          continue; // the model lint reports a task without a form
        }
        Set<String> keys = formKeys.getOrDefault(task.getCamundaFormRef(), Set.of());
        keys.stream()
            .filter(formKey -> !declared.contains(formKey))
            .forEach(formKey -> findings.add(task.getCamundaFormRef() + ".form: " + formKey + ": shown by " + file + " "
                + task.getId() + ", but declared neither in " + name + ".Variables nor in " + sharedNames()));
      }
    }
    fileOf.keySet().stream()
        .filter(key -> !backed.contains(key))
        .forEach(key -> findings.add(fileOf.get(key).getFileName() + ": " + key
            + ": has no backing class (a *Process class with its KEY, Elements and Variables)"));
    return findings;
  }

  private String sharedNames() {
    return shared.stream().map(Class::getSimpleName).collect(Collectors.joining(", "));
  }

  /** Each form's id to the keys of all its fields, shown or editable, however deeply grouped. */
  private Map<String, Set<String>> formKeys() {
    Map<String, Set<String>> byId = new TreeMap<>();
    for (Path file : ModelLint.files(forms, ".form")) {
      try {
        JsonNode form = JSON.readTree(file.toFile());
        Set<String> keys = new TreeSet<>();
        collectKeys(form.path("components"), keys);
        byId.put(form.path("id").asText(), keys);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return byId;
  }

  private static void collectKeys(JsonNode components, Set<String> keys) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key")) {
        keys.add(component.get("key").asText());
      }
      collectKeys(component.path("components"), keys);
    }
  }

  /** The names of a class's {@link Variable} constants. */
  static Set<String> variables(Class<?> type) {
    Set<String> names = new TreeSet<>();
    for (Field field : type.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && Variable.class.equals(field.getType())) {
        names.add(((Variable<?>) value(field)).name());
      }
    }
    return names;
  }

  /** A class's String constants, by field name. */
  private static Map<String, String> constants(Class<?> type) {
    Map<String, String> constants = new TreeMap<>();
    for (Field field : type.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && String.class.equals(field.getType())) {
        constants.put(field.getName(), (String) value(field));
      }
    }
    return constants;
  }

  static Optional<String> constant(Class<?> type, String name) {
    return Optional.ofNullable(constants(type).get(name));
  }

  static Optional<Class<?>> nested(Class<?> type, String simpleName) {
    return Arrays.stream(type.getDeclaredClasses()).filter(nested -> nested.getSimpleName().equals(simpleName)).findFirst();
  }

  private static Object value(Field field) {
    try {
      field.setAccessible(true);
      return field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
