package org.caserouting.platform.engine.models;

import java.beans.Introspector;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a model's expressions may name: the delegate beans (only as a whole delegate expression,
 * {@code ${recordDecision}}), the helper beans with their members, and two properties of the
 * execution. Everything else an expression names is a process variable.
 *
 * @param delegates bean names of the service tasks' and listeners' delegates
 * @param helpers helper bean name to the methods and properties models may use
 */
public record ModelVocabulary(Set<String> delegates, Map<String, Set<String>> helpers) {

  /** What an expression may read of the execution, e.g. {@code #{execution.processBusinessKey}}. */
  public static final Set<String> EXECUTION_PROPERTIES = Set.of("processBusinessKey", "processInstanceId");

  public ModelVocabulary {
    delegates = Set.copyOf(delegates);
    helpers = Map.copyOf(helpers);
  }

  /** The vocabulary of these delegate beans and these helper beans (bean name to class). */
  public static ModelVocabulary of(Set<String> delegates, Map<String, Class<?>> helperTypes) {
    Map<String, Set<String>> helpers = new TreeMap<>();
    helperTypes.forEach((name, type) -> helpers.put(name, membersOf(type)));
    return new ModelVocabulary(delegates, helpers);
  }

  /** Every bean name an expression may reach. */
  public Set<String> beanNames() {
    Set<String> names = new TreeSet<>(delegates);
    names.addAll(helpers.keySet());
    return names;
  }

  private static Set<String> membersOf(Class<?> type) {
    Set<String> members = new TreeSet<>();
    for (Method method : type.getMethods()) {
      if (!method.isAnnotationPresent(ModelHelper.Member.class)) {
        continue;
      }
      members.add(method.getName());
      String name = method.getName();
      if (method.getParameterCount() == 0 && name.startsWith("get") && name.length() > 3) {
        members.add(Introspector.decapitalize(name.substring(3)));
      } else if (method.getParameterCount() == 0 && name.startsWith("is") && name.length() > 2) {
        members.add(Introspector.decapitalize(name.substring(2)));
      }
    }
    return members;
  }
}
