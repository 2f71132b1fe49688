package org.caserouting.platform;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * A process variable, declared once in its process's backing class with its name and type, and
 * read and written through that declaration: no name typed twice, no cast at the call site.
 *
 * <pre>{@code
 * public static final Variable<String> RECEIVING_AGENCY = Variable.text("receivingAgency");
 * String agency = RECEIVING_AGENCY.from(execution);
 * RECEIVING_AGENCY.on(execution, "DO-DAAN");
 * }</pre>
 *
 * @param <T> the value's type
 */
public final class Variable<T> {

  private final String name;
  private final String typeName;
  private final Function<Object, T> convert;

  private Variable(String name, String typeName, Function<Object, T> convert) {
    this.name = name;
    this.typeName = typeName;
    this.convert = convert;
  }

  public static Variable<String> text(String name) {
    return new Variable<>(name, "text", value -> cast(name, value, String.class));
  }

  /** Whole numbers; the engine may hand back any Number type. */
  public static Variable<Integer> number(String name) {
    return new Variable<>(name, "a number", value -> cast(name, value, Number.class).intValue());
  }

  public static Variable<Boolean> flag(String name) {
    return new Variable<>(name, "true or false", value -> cast(name, value, Boolean.class));
  }

  public static Variable<Date> date(String name) {
    return new Variable<>(name, "a date", value -> cast(name, value, Date.class));
  }

  /** A list of texts, such as agency codes. */
  @SuppressWarnings("unchecked")
  public static Variable<List<String>> texts(String name) {
    return new Variable<>(name, "a list of texts", value -> (List<String>) cast(name, value, List.class));
  }

  /** One row of a decision's result, column name to value. */
  @SuppressWarnings("unchecked")
  public static Variable<Map<String, Object>> row(String name) {
    return new Variable<>(name, "a decision result", value -> (Map<String, Object>) cast(name, value, Map.class));
  }

  /** The rows of a decision's result. */
  @SuppressWarnings("unchecked")
  public static Variable<List<Map<String, Object>>> rows(String name) {
    return new Variable<>(name, "a decision's results", value -> (List<Map<String, Object>>) cast(name, value, List.class));
  }

  public String name() {
    return name;
  }

  /** The value as the scope sees it (its own, or its parents'); null when it has none. */
  public T from(VariableScope scope) {
    return convert(scope.getVariable(name));
  }

  /** The value as an execution sees it, read from outside the engine's own work. */
  public T from(RuntimeService runtime, String executionId) {
    return convert(runtime.getVariable(executionId, name));
  }

  /** The value of the scope itself, not of its parents; null when it has none. */
  public T fromLocal(VariableScope scope) {
    return convert(scope.getVariableLocal(name));
  }

  /** The value, which the model guarantees; its absence is a modelling error, not a user's. */
  public T required(VariableScope scope) {
    T value = from(scope);
    if (value == null) {
      throw new IllegalStateException("The process variable '" + name + "' is missing: it should be " + typeName);
    }
    return value;
  }

  /** Sets the value where the variable lives (or on the process instance, if nowhere yet). */
  public void on(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

  /** Sets the value on the scope itself: a task's or a multi-instance part's own. */
  public void onLocal(VariableScope scope, T value) {
    scope.setVariableLocal(name, value);
  }

  /** The value as a variable map holds it (the start of a process, a message), converted alike. */
  public T in(Map<String, ?> variables) {
    return convert(variables.get(name));
  }

  /** This variable with a value, to start a process or send a message with. */
  public Value<T> of(T value) {
    return new Value<>(this, value);
  }

  /** The variables to start a process or correlate a message with; a null is kept as an empty value. */
  public static VariableMap values(Value<?>... values) {
    VariableMap map = org.camunda.bpm.engine.variable.Variables.createVariables();
    for (Value<?> value : values) {
      map.putValue(value.variable().name(), value.value());
    }
    return map;
  }

  /** A variable and the value it is to take. */
  public record Value<T>(Variable<T> variable, T value) {}

  private T convert(Object value) {
    return value == null ? null : convert.apply(value);
  }

  private static <V> V cast(String name, Object value, Class<V> type) {
    if (!type.isInstance(value)) {
      throw new IllegalStateException(
          "The process variable '" + name + "' holds " + value.getClass().getSimpleName() + ", not " + type.getSimpleName());
    }
    return type.cast(value);
  }

  @Override
  public String toString() {
    return name;
  }
}
